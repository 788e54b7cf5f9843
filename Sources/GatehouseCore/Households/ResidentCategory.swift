/// How a person lives in the community (Henan guide: residents, tenants, staff).
public enum ResidentCategory: String, Sendable, Codable, CaseIterable {
    /// 常住.
    case permanent
    /// 暂住/寄住: has an end date.
    case temporary
    /// Staff and workers (物业、保洁、工作人员).
    case staff

    public var label: LocalizedText {
        switch self {
        case .permanent: return LocalizedText(zh: "常住", en: "Permanent")
        case .temporary: return LocalizedText(zh: "暂住", en: "Temporary")
        case .staff: return LocalizedText(zh: "工作人员", en: "Staff")
        }
    }

    /// Reads the category as written in a form or a spreadsheet (Chinese or English; empty means permanent).
    public init?(text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        switch t {
        case "", "常住", "常住人口", "户籍", "permanent": self = .permanent
        case "暂住", "寄住", "租住", "租户", "temporary", "tenant": self = .temporary
        case "工作人员", "员工", "物业", "staff", "worker": self = .staff
        default: return nil
        }
    }

    /// The pass kind a member of this category gets personally.
    public var passKind: PassKind {
        switch self {
        case .permanent: return .personal
        case .temporary: return .temporaryResident
        case .staff: return .staff
        }
    }
}
