import Foundation
import FluentPostgresDriver
import SQLKit

/// A passage as exports and contact traces read it: plain values straight from SQL (hundreds of thousands of rows
/// per export), read column by column — Codable's keyed decoding and Foundation's UUID parsing cost more than the
/// query itself.
struct PassageLine: Sendable {
    let id: UUID
    let communityID: UUID
    let checkpointID: UUID
    let operatorID: UUID
    let personID: UUID?
    let householdID: UUID?
    let direction: String
    let readings: String
    let temperatureTenths: Int
    let status: String
    let decision: String
    let reasons: String
    let nameMasked: String
    let phoneMasked: String
    let recordedAt: Date
    /// `recorded_at` exactly as stored, for the next page's keyset.
    let keysetTime: KeysetTime

    static let columns = ["id", "community_id", "checkpoint_id", "operator_id", "person_id", "household_id", "direction", "readings",
                          "temperature_tenths", "status", "decision", "reasons", "name_masked", "phone_masked", "recorded_at"]

    /// `SELECT <columns> FROM passages WHERE <condition> ORDER BY <order> LIMIT <limit>`.
    static func select(where condition: SQLQueryString, orderBy order: String, limit: Int? = nil,
                       on sql: any SQLDatabase) async throws -> [PassageLine] {
        var query: SQLQueryString = "SELECT \(unsafeRaw: columns.joined(separator: ", ")) FROM passages WHERE \(condition) ORDER BY \(unsafeRaw: order)"
        if let limit { query.appendLiteral(" LIMIT \(limit)") }
        if let postgres = sql as? any PostgresDatabase { return try await select(query, on: sql, postgres: postgres) }
        return try await sql.raw(query).all().map(PassageLine.init(row:))
    }
}

extension PassageLine {
    /// Reads a SQLite row (PostgreSQL rows are read by `select(_:on:postgres:)`).
    init(row: any SQLRow) throws {
        func uuid(_ column: String) throws -> UUID {
            guard let id = try optionalUUID(column) else {
                throw DecodingError.valueNotFound(UUID.self, .init(codingPath: [], debugDescription: "\(column) is empty"))
            }
            return id
        }
        func optionalUUID(_ column: String) throws -> UUID? {
            guard let text = try row.decode(column: column, as: String?.self) else { return nil }
            guard let id = UUIDText.parse(text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "\(column) is not a UUID"))
            }
            return id
        }
        id = try uuid("id")
        communityID = try uuid("community_id")
        checkpointID = try uuid("checkpoint_id")
        operatorID = try uuid("operator_id")
        personID = try optionalUUID("person_id")
        householdID = try optionalUUID("household_id")
        direction = try row.decode(column: "direction", as: String.self)
        readings = try row.decode(column: "readings", as: String.self)
        temperatureTenths = try row.decode(column: "temperature_tenths", as: Int.self)
        status = try row.decode(column: "status", as: String.self)
        decision = try row.decode(column: "decision", as: String.self)
        reasons = try row.decode(column: "reasons", as: String.self)
        nameMasked = try row.decode(column: "name_masked", as: String.self)
        phoneMasked = try row.decode(column: "phone_masked", as: String.self)
        // Read once, as stored (the keyset needs the exact value; the register shows whole seconds).
        let seconds = try row.decode(column: "recorded_at", as: Double.self)
        recordedAt = Date(timeIntervalSince1970: seconds)
        keysetTime = .seconds(seconds)
    }
}
