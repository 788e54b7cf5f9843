/// Whether a facility may be used.
public enum FacilityStatus: String, Sendable, Codable, CaseIterable {
    case open
    /// Closed (suspended) by the community.
    case closed

    public var label: LocalizedText {
        switch self {
        case .open: return LocalizedText(zh: "开放", en: "Open")
        case .closed: return LocalizedText(zh: "已关闭", en: "Closed")
        }
    }
}
