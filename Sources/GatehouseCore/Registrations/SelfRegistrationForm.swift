/// Checks a self-registration form for one category: every field the category needs, each with its own message.
///
/// Values come as the browser sends them (field name → text; symptoms as a list). Household parts are `building`,
/// `unit`, `room` or `villageGroup`, `houseNumber`; their message is keyed `household`.
public struct SelfRegistrationForm: Sendable {
    public let today: CalendarDate
    public let divisions: DivisionCodes

    public init(today: CalendarDate, divisions: DivisionCodes = .bundled) {
        self.today = today
        self.divisions = divisions
    }

    /// The checked details, or a message per field (keyed by `RegistrationField.rawValue`).
    public func check(_ category: RegistrationCategory, values: [String: String],
                      symptoms: [String] = []) -> Result<SelfRegistrationDetails, SelfRegistrationErrors> {
        var errors: [String: LocalizedText] = [:]
        let name = values["name"].flatMap(PersonName.validated)
        if name == nil {
            errors["name"] = LocalizedText(zh: "请输入姓名（1至40个字，不含数字和符号）", en: "Enter a name (1 to 40 characters, no digits or symbols)")
        }
        var phone: PhoneNumber?
        do throws(PhoneNumberError) { phone = try PhoneNumber(values["phone"] ?? "") } catch { errors["phone"] = error.message }
        if let p = phone, p.kind != .mobile {
            errors["phone"] = LocalizedText(zh: "请填写手机号码（11位），以便接收通知", en: "Enter a mobile number (11 digits) to receive notices")
            phone = nil
        }
        let answers = answer(category, values: values, symptoms: symptoms, phone: phone, errors: &errors)
        guard let name, let phone, errors.isEmpty else { return .failure(SelfRegistrationErrors(messages: errors)) }
        return .success(SelfRegistrationDetails(category: category, name: name, phone: phone, answers: answers))
    }

    private func answer(_ category: RegistrationCategory, values: [String: String], symptoms: [String], phone: PhoneNumber?,
                        errors: inout [String: LocalizedText]) -> RegistrationAnswers {
        func text(_ key: String) -> String? {
            guard let t = values[key]?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
            return t
        }
        let fields = Set(category.fields)
        var d = RegistrationAnswers()
        if fields.contains(.idNumber) {
            // A visitor may come without an ID card number; everyone else who will live here gives it.
            if let raw = text("idNumber") {
                do throws(IDNumberError) { d.idNumber = try ResidentIDNumber(raw, today: today) } catch { errors["idNumber"] = error.message }
            } else if category != .visitor {
                errors["idNumber"] = LocalizedText(zh: "请输入身份证号码", en: "Enter the ID card number")
            }
        }
        if fields.contains(.household) {
            do throws(HouseholdAddressError) {
                d.household = try HouseholdAddress(building: values["building"], unit: values["unit"], room: values["room"],
                                                   villageGroup: values["villageGroup"], houseNumber: values["houseNumber"])
            } catch {
                errors["household"] = category == .courier
                    ? LocalizedText(zh: "请填写收件住户的楼栋和房号（或组和门牌号）", en: "Enter the recipient's building and room (or group and house number)")
                    : error.message
            }
        }
        if fields.contains(.visitPurpose) { d.visitPurpose = short(text("visitPurpose"), key: "visitPurpose", errors: &errors) }
        if fields.contains(.employer) { d.employer = short(text("employer"), key: "employer", errors: &errors) }
        if fields.contains(.platform) {
            d.platform = short(text("platform"), key: "platform", max: 20, errors: &errors)
            if d.platform == nil, errors["platform"] == nil {
                errors["platform"] = LocalizedText(zh: "请填写平台或快递公司（如 美团、顺丰）", en: "Enter the platform or courier company (e.g. Meituan, SF Express)")
            }
        }
        if fields.contains(.origin) {
            if let code = text("origin"), isSelectableOrigin(code) {
                d.originCode = code
            } else {
                errors["origin"] = LocalizedText(zh: "请依次选择省、市、县（区）", en: "Choose the province, the city and the county in turn")
            }
        }
        if fields.contains(.moveIn) {
            d.moveIn = date(text("moveIn"), key: "moveIn", from: today.adding(days: -366), to: today.adding(days: 60), errors: &errors)
        }
        if fields.contains(.moveOut), let raw = text("moveOut") {
            d.moveOut = date(raw, key: "moveOut", from: today, to: today.adding(days: 3660), errors: &errors)
            if let out = d.moveOut, let moveIn = d.moveIn, out < moveIn {
                errors["moveOut"] = LocalizedText(zh: "退租日期不能早于入住日期", en: "The move-out date cannot be before the move-in date")
            }
        }
        if fields.contains(.landlordPhone) {
            do throws(PhoneNumberError) {
                d.landlordPhone = try PhoneNumber(values["landlordPhone"] ?? "")
            } catch {
                errors["landlordPhone"] = LocalizedText(zh: "请填写房东的手机号码，房东将收到确认请求", en: "Enter the landlord's mobile number: the landlord will be asked to confirm")
            }
            if let landlord = d.landlordPhone, landlord == phone {
                errors["landlordPhone"] = LocalizedText(zh: "房东手机号码不能与本人相同", en: "The landlord's number cannot be your own")
            }
        }
        if fields.contains(.arrivalDate) {
            d.arrivalDate = date(text("arrivalDate"), key: "arrivalDate", from: today.adding(days: -14), to: today, errors: &errors)
        }
        if fields.contains(.transport) { checkTransport(text("transport"), number: text("transportNumber"), into: &d, errors: &errors) }
        if fields.contains(.symptoms) { checkSymptoms(symptoms, into: &d, errors: &errors) }
        return d
    }

    private func checkTransport(_ raw: String?, number: String?, into d: inout RegistrationAnswers, errors: inout [String: LocalizedText]) {
        guard let raw, let mode = TransportMode(rawValue: raw) else {
            errors["transport"] = LocalizedText(zh: "请选择交通方式", en: "Choose how you travelled")
            return
        }
        d.transport = mode
        let cleaned = number?.uppercased().filter { !$0.isWhitespace }
        if let cleaned, cleaned.count <= 12, cleaned.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) {
            d.transportNumber = cleaned
        } else if cleaned != nil {
            errors["transportNumber"] = LocalizedText(zh: "车次/航班/车牌号最多12位字母数字", en: "At most 12 letters and digits")
        } else if mode.needsNumber {
            errors["transportNumber"] = LocalizedText(zh: "请填写车次、航班号或车牌号", en: "Enter the train, flight or plate number")
        }
    }

    private func checkSymptoms(_ raw: [String], into d: inout RegistrationAnswers, errors: inout [String: LocalizedText]) {
        let chosen = raw.filter { !$0.isEmpty }
        if chosen == ["none"] { d.symptoms = []; return }
        guard !chosen.isEmpty, !chosen.contains("none") else {
            errors["symptoms"] = LocalizedText(zh: "请选择症状；没有症状请只选“无”", en: "Choose the symptoms; with none, choose only \u{201C}None\u{201D}")
            return
        }
        let parsed = chosen.compactMap(Symptom.init(rawValue:))
        if parsed.count == chosen.count { d.symptoms = parsed } else {
            errors["symptoms"] = LocalizedText(zh: "症状选项无效", en: "Unknown symptom")
        }
    }

    /// A county (or a city that has no counties), current in GB/T 2260.
    public func isSelectableOrigin(_ code: String) -> Bool {
        guard code.count == 6, code.allSatisfy(\.isNumber) else { return false }
        let lookup = divisions.lookup(code)
        guard lookup.isKnown, lookup.isCurrent, !code.hasSuffix("0000") else { return false }
        if code.hasSuffix("00") { return divisions.counties(ofCity: code).isEmpty }
        return true
    }

    private func short(_ value: String?, key: String, max: Int = 40, errors: inout [String: LocalizedText]) -> String? {
        guard let value else { return nil }
        guard value.count <= max, !value.contains(where: \.isNewline) else {
            errors[key] = LocalizedText(zh: "最多\(max)个字", en: "At most \(max) characters")
            return nil
        }
        return value
    }

    private func date(_ raw: String?, key: String, from: CalendarDate, to: CalendarDate, errors: inout [String: LocalizedText]) -> CalendarDate? {
        guard let raw, let date = CalendarDate(parsing: raw) else {
            errors[key] = LocalizedText(zh: "请选择日期", en: "Choose a date")
            return nil
        }
        guard date >= from, date <= to else {
            errors[key] = LocalizedText(zh: "日期应在 \(from) 至 \(to) 之间", en: "The date must be between \(from) and \(to)")
            return nil
        }
        return date
    }
}
