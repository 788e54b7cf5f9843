/// One field of the self-registration form. Temperature is never one: it is measured by staff only.
public enum RegistrationField: String, Sendable, Codable, CaseIterable {
    case name, phone, idNumber, household, visitPurpose, origin, moveIn, moveOut, landlordPhone, employer
    case arrivalDate, transport, transportNumber, symptoms, platform

    public var label: LocalizedText {
        switch self {
        case .name: return LocalizedText(zh: "姓名", en: "Name")
        case .phone: return LocalizedText(zh: "手机号码", en: "Mobile phone")
        case .idNumber: return LocalizedText(zh: "身份证号码", en: "ID card number")
        case .household: return LocalizedText(zh: "住户（楼栋 单元 房号，或 组 号）", en: "Household (building, unit, room — or group, number)")
        case .visitPurpose: return LocalizedText(zh: "来访事由", en: "Purpose of the visit")
        case .origin: return LocalizedText(zh: "从何处来（省 市 县）", en: "Coming from (province, city, county)")
        case .moveIn: return LocalizedText(zh: "入住日期", en: "Move-in date")
        case .moveOut: return LocalizedText(zh: "预计退租日期", en: "Expected move-out date")
        case .landlordPhone: return LocalizedText(zh: "房东手机号码", en: "Landlord's mobile phone")
        case .employer: return LocalizedText(zh: "工作单位", en: "Employer")
        case .arrivalDate: return LocalizedText(zh: "到达日期", en: "Arrival date")
        case .transport: return LocalizedText(zh: "交通方式", en: "Transport")
        case .transportNumber: return LocalizedText(zh: "车次/航班/车牌号", en: "Train, flight or plate number")
        case .symptoms: return LocalizedText(zh: "目前症状", en: "Symptoms now")
        case .platform: return LocalizedText(zh: "平台或快递公司", en: "Platform or courier company")
        }
    }

    /// Fields a category may leave empty. (The train, flight or plate number is required unless the transport is
    /// "other": `requiredUnless`.)
    public var isOptional: Bool {
        switch self {
        case .moveOut, .employer, .visitPurpose: return true
        default: return false
        }
    }

    /// When a field that is otherwise required may be left empty, as the form says beside its label.
    public var requiredUnless: LocalizedText? {
        guard self == .transportNumber else { return nil }
        return LocalizedText(zh: "交通方式选“其他”时可不填", en: "may be left empty when the transport is “Other”")
    }
}
