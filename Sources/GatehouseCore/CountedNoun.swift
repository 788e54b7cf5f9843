/// A count with its unit as a reader says it: `3人`, `16 分钟` in Chinese; `1 person`, `3 people`, `1 row` in English.
public enum CountedNoun: String, Sendable, CaseIterable {
    case person, household, row, minute, day, item, contact

    /// `count` with this unit in `language` (`zh` or `en`).
    public func text(_ count: Int, language: String) -> String {
        if language == "en" { return "\(count) \(count == 1 ? singular : plural)" }
        return self == .minute || self == .day ? "\(count) \(chinese)" : "\(count)\(chinese)"
    }

    private var chinese: String {
        switch self {
        case .person: return "人"
        case .household: return "户"
        case .row: return "行"
        case .minute: return "分钟"
        case .day: return "天"
        case .item: return "项"
        case .contact: return "个接触者"
        }
    }

    private var singular: String {
        switch self {
        case .minute: return "min"
        default: return rawValue
        }
    }

    private var plural: String {
        switch self {
        case .person: return "people"
        case .minute: return "min"
        default: return rawValue + "s"
        }
    }
}
