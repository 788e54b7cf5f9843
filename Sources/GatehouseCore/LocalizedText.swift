/// A message in the two languages Gatehouse speaks.
public struct LocalizedText: Sendable, Equatable, Codable {
    /// Simplified Chinese, the default.
    public let zh: String
    /// English.
    public let en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// The text for a language code ("zh" or "en"); anything else gets Chinese.
    public func text(for language: String) -> String { language == "en" ? en : zh }
}
