/// How many rows of each kind a purge removed (or anonymised, for accounts): the purge log holds these numbers,
/// never the data itself.
public struct PurgeCounts: Sendable, Hashable, Codable {
    /// Rows removed per table (accounts: anonymised), in the order the purge removed them.
    public private(set) var entries: [Entry]

    /// One table's count.
    public struct Entry: Sendable, Hashable, Codable {
        public let table: String
        public let rows: Int
    }

    public init() { entries = [] }

    /// Adds `rows` for `table` (tables counted twice are summed).
    public mutating func add(_ rows: Int, to table: String) {
        if let i = entries.firstIndex(where: { $0.table == table }) {
            entries[i] = Entry(table: table, rows: entries[i].rows + rows)
        } else {
            entries.append(Entry(table: table, rows: rows))
        }
    }

    /// Rows for `table` (0 when it was not touched).
    public subscript(table: String) -> Int { entries.first(where: { $0.table == table })?.rows ?? 0 }

    /// All rows removed.
    public var total: Int { entries.reduce(0) { $0 + $1.rows } }

    /// "passages 12, persons 3" — tables with rows only; for logs and the purge list.
    public var summary: String {
        let nonZero = entries.filter { $0.rows > 0 }
        return nonZero.isEmpty ? "0" : nonZero.map { "\($0.table) \($0.rows)" }.joined(separator: ", ")
    }
}
