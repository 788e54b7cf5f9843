/// Checks one line of an import: every field with its own message.
struct ResidentImportRowParser {
    struct Problems: Error { var problems: [ImportProblem] }

    let line: Int
    let values: [ImportColumn: String]
    let today: CalendarDate

    private func value(_ c: ImportColumn) -> String? {
        guard let v = values[c], !v.isEmpty else { return nil }
        return v
    }

    func parse() -> Result<ResidentImportRow, Problems> {
        var problems: [ImportProblem] = []
        func problem(_ column: ImportColumn?, _ message: LocalizedText) {
            problems.append(ImportProblem(line: line, column: column?.header, message: message))
        }
        var address: HouseholdAddress?
        do {
            address = try HouseholdAddress(building: value(.building), unit: value(.unit), room: value(.room),
                                           villageGroup: value(.villageGroup), houseNumber: value(.houseNumber))
        } catch { problem(.room, error.message) }
        let name = value(.name).flatMap(PersonName.validated)
        if name == nil {
            problem(.name, LocalizedText(zh: "姓名为空或含数字、符号", en: "The name is empty or has digits or symbols"))
        }
        var id: ResidentIDNumber?
        if let text = value(.idNumber) {
            do { id = try ResidentIDNumber(text, today: today) } catch { problem(.idNumber, error.message) }
        } else {
            problem(.idNumber, LocalizedText(zh: "身份证号不能为空", en: "The ID number is missing"))
        }
        let phone = optionalPhone(.phone, &problems)
        let category = ResidentCategory(text: value(.category) ?? "")
        if category == nil {
            problem(.category, LocalizedText(zh: "类别只能是：常住、暂住、工作人员", en: "Category must be 常住 (permanent), 暂住 (temporary) or 工作人员 (staff)"))
        }
        var stayUntil: CalendarDate?
        if let text = value(.stayUntil) {
            stayUntil = CalendarDate(parsing: text.replacingOccurrences(of: "/", with: "-"))
            if stayUntil == nil {
                problem(.stayUntil, LocalizedText(zh: "日期格式应为 2027-06-30", en: "Write the date as 2027-06-30"))
            } else if stayUntil! < today {
                problem(.stayUntil, LocalizedText(zh: "暂住截止日期已过", en: "The end of stay is in the past"))
            }
        } else if category == .temporary {
            problem(.stayUntil, LocalizedText(zh: "暂住人员必须填写暂住截止日期", en: "A temporary resident needs the end of stay"))
        }
        var landlordName: String?
        if let text = value(.landlordName) {
            landlordName = PersonName.validated(text)
            if landlordName == nil { problem(.landlordName, LocalizedText(zh: "房东姓名含数字或符号", en: "The landlord's name has digits or symbols")) }
        }
        let landlordPhone = optionalPhone(.landlordPhone, &problems)
        guard problems.isEmpty, let address, let name, let id, let category else { return .failure(Problems(problems: problems)) }
        return .success(ResidentImportRow(line: line, address: address, name: name, idNumber: id, phone: phone, category: category,
                                          stayUntil: category == .temporary ? stayUntil : nil,
                                          landlordName: landlordName, landlordPhone: landlordPhone))
    }

    private func optionalPhone(_ column: ImportColumn, _ problems: inout [ImportProblem]) -> PhoneNumber? {
        guard let text = value(column) else { return nil }
        do { return try PhoneNumber(text) } catch {
            problems.append(ImportProblem(line: line, column: column.header, message: error.message))
            return nil
        }
    }
}
