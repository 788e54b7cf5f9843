import FluentSQLiteDriver
import Foundation
import SQLKit

/// SQLite: runs a query and returns SQLiteNIO's own rows, whose cells are plain `SQLiteData` values. Read through
/// SQLKit, every cell goes through a generic `Decodable` decoder — for the tens of thousands of rows of an export
/// or a busy trace, that costs more than the query.
public enum SQLiteRows {
    public static func select(_ query: SQLQueryString, on sql: any SQLDatabase, sqlite: any SQLiteDatabase) async throws -> [SQLiteRow] {
        var serializer = SQLSerializer(database: sql)
        query.serialize(to: &serializer)
        let encoder = SQLiteDataEncoder()
        let binds = try serializer.binds.map { try encoder.encode($0) }
        return try await sqlite.query(serializer.sql, binds)
    }
}

extension SQLiteRow {
    /// The text of `column`, or nil when it is NULL.
    public func text(_ column: String) throws -> String? {
        switch self.column(column) {
        case .text(let s): return s
        case .null: return nil
        default: throw SQLiteRowError(column: column, expected: "text")
        }
    }

    public func integer(_ column: String) throws -> Int {
        guard case .integer(let n) = self.column(column) else { throw SQLiteRowError(column: column, expected: "integer") }
        return Int(n)
    }

    /// A REAL (a time in seconds since 1970, as Fluent stores dates on SQLite).
    public func real(_ column: String) throws -> Double {
        switch self.column(column) {
        case .float(let d): return d
        case .integer(let n): return Double(n)
        default: throw SQLiteRowError(column: column, expected: "real")
        }
    }

    /// A UUID stored as text (Fluent's way on SQLite), or nil when NULL.
    public func uuid(_ column: String) throws -> UUID? {
        guard let text = try self.text(column) else { return nil }
        guard let id = UUIDText.parse(text) else { throw SQLiteRowError(column: column, expected: "a UUID") }
        return id
    }
}

/// A cell of an unexpected type.
public struct SQLiteRowError: Error, CustomStringConvertible {
    public let column: String
    public let expected: String

    public init(column: String, expected: String) {
        self.column = column
        self.expected = expected
    }

    public var description: String { "column \(column) is not \(expected)" }
}
