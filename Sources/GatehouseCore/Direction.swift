/// Which way a person passes the gate.
public enum Direction: String, Sendable, Codable, CaseIterable {
    case `in`
    case out

    public var label: LocalizedText {
        switch self {
        case .in: return LocalizedText(zh: "进", en: "In")
        case .out: return LocalizedText(zh: "出", en: "Out")
        }
    }
}
