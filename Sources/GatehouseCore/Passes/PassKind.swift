/// The kinds of pass a community issues.
public enum PassKind: UInt8, Sendable, Codable, CaseIterable {
    /// A resident's own pass.
    case personal = 1
    /// One per household: the transitional 通行证 of the Inner Mongolia notice.
    case household = 2
    /// A temporary resident's pass, ending with the stay.
    case temporaryResident = 3
    /// Staff and workers.
    case staff = 4

    public var code: String {
        switch self {
        case .personal: return "personal"
        case .household: return "household"
        case .temporaryResident: return "temporaryResident"
        case .staff: return "staff"
        }
    }

    public var label: LocalizedText {
        switch self {
        case .personal: return LocalizedText(zh: "个人通行证", en: "Personal pass")
        case .household: return LocalizedText(zh: "家庭通行证", en: "Household pass")
        case .temporaryResident: return LocalizedText(zh: "暂住人员通行证", en: "Temporary resident pass")
        case .staff: return LocalizedText(zh: "工作人员通行证", en: "Staff pass")
        }
    }
}

extension PassKind {
    /// The kind for its `code`.
    public init?(code: String) {
        guard let kind = Self.allCases.first(where: { $0.code == code }) else { return nil }
        self = kind
    }
}
