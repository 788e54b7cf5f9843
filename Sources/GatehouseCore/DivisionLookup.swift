/// The province, city and county named by a six-digit division code; any level may be unknown.
public struct DivisionLookup: Sendable, Equatable {
    public let code: String
    public let province: String?
    public let city: String?
    public let county: String?
    /// False when the code itself is not in the table, or no longer in use: a warning, never a rejection.
    public let isKnown: Bool
    public let isCurrent: Bool

    /// "河南省 驻马店市 确山县", skipping unknown and placeholder levels.
    public var fullName: String {
        [province, city, county].compactMap { $0 }.filter { !DivisionCodes.placeholders.contains($0) }
            .reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } }
            .joined(separator: " ")
    }
}
