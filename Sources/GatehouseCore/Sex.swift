/// Sex as encoded in an identity number's sequence code (odd: male, even: female).
public enum Sex: String, Sendable, Codable, CaseIterable {
    case male
    case female

    /// 男 / 女, or the English word.
    public var label: LocalizedText {
        switch self {
        case .male: return LocalizedText(zh: "男", en: "Male")
        case .female: return LocalizedText(zh: "女", en: "Female")
        }
    }
}
