/// One name a GB/T 2260 code has carried, with the years it was in use (`nil` = open).
public struct DivisionName: Sendable, Equatable {
    public let name: String
    public let firstYear: Int?
    public let lastYear: Int?

    /// Whether the name is still in use.
    public var isCurrent: Bool { lastYear == nil }
}
