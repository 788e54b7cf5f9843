import Foundation
import SQLKit

/// A row's time exactly as the database holds it, for keyset pages and cursors. SQLite keeps seconds since 1970 as a
/// full REAL, while SQLiteNIO rounds a decoded `Date` to microseconds — enough for the next page to repeat or skip
/// the row at its edge. PostgreSQL keeps microseconds, which `Date` carries exactly.
public enum KeysetTime: Sendable, Equatable {
    /// SQLite's stored REAL.
    case seconds(Double)
    /// PostgreSQL's timestamp.
    case date(Date)

    /// The `recorded_at` (or `column`) of `row`, read from `engine`, as stored.
    public static func read(_ row: any SQLRow, column: String = "recorded_at", from engine: StoreEngine) throws -> KeysetTime {
        switch engine {
        case .sqlite: .seconds(try row.decode(column: column, as: Double.self))
        case .postgres: .date(try row.decode(column: column, as: Date.self))
        }
    }

    /// The value to bind when comparing with the column.
    public var bind: any Encodable & Sendable {
        switch self {
        case .seconds(let s): s
        case .date(let d): d
        }
    }

    /// For an opaque cursor: the bits of the seconds since 1970, in hex.
    public var cursorText: String {
        switch self {
        case .seconds(let s): String(s.bitPattern, radix: 16)
        case .date(let d): String(d.timeIntervalSince1970.bitPattern, radix: 16)
        }
    }

    /// Reads `cursorText` back for `engine`.
    public init?(cursorText: some StringProtocol, for engine: StoreEngine) {
        guard let bits = UInt64(cursorText, radix: 16) else { return nil }
        let seconds = Double(bitPattern: bits)
        guard seconds.isFinite else { return nil }
        self = engine == .sqlite ? .seconds(seconds) : .date(Date(timeIntervalSince1970: seconds))
    }

    /// The rows after this time and `id` in `recorded_at, id` order (`descending`: before them), as an SQL condition.
    /// PostgreSQL compares rows, which its index scan seeks to in order: with the long form below, a busy day's range
    /// (under-estimated from the table's statistics) was read whole through a bitmap scan and sorted for every page.
    /// SQLite gets a range on `recorded_at` plus the tie-break on `id`, which its index walk serves as well.
    public func keyset(beyond id: UUID, descending: Bool = false) -> SQLQueryString {
        let op = descending ? "<" : ">"
        switch self {
        case .date:
            return "(recorded_at, id) \(unsafeRaw: op) (\(bind: bind), \(bind: id))"
        case .seconds:
            let edge = descending ? "<=" : ">="
            return "recorded_at \(unsafeRaw: edge) \(bind: bind) AND (recorded_at \(unsafeRaw: op) \(bind: bind) OR id \(unsafeRaw: op) \(bind: id))"
        }
    }
}
