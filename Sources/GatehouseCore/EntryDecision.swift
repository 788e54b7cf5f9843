/// The gate's answer.
public enum EntryDecision: String, Sendable, Codable, CaseIterable {
    /// Let through.
    case allow
    /// Not through (the reasons say why and what would change it).
    case deny
    /// Hand over to the health procedure (fever): observation room, report.
    case refer

    public var label: LocalizedText {
        switch self {
        case .allow: return LocalizedText(zh: "放行", en: "Allow")
        case .deny: return LocalizedText(zh: "不予放行", en: "Deny")
        case .refer: return LocalizedText(zh: "转交处置", en: "Refer")
        }
    }
}
