/// How a gate fared in a police spot check.
public enum SpotCheckRating: String, Sendable, Codable, CaseIterable {
    case good
    case fair
    case poor

    public var label: LocalizedText {
        switch self {
        case .good: return LocalizedText(zh: "合格", en: "Good")
        case .fair: return LocalizedText(zh: "基本合格，需整改", en: "Fair: to improve")
        case .poor: return LocalizedText(zh: "不合格", en: "Poor")
        }
    }
}
