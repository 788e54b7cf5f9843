import Foundation
import SQLKit

/// A passage as exports and contact traces read it: plain values straight from SQL (tens of thousands of rows per
/// request, where building Fluent models would cost most of the time).
struct PassageLine: Decodable, Sendable {
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

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case id, communityID = "community_id", checkpointID = "checkpoint_id", operatorID = "operator_id", personID = "person_id"
        case householdID = "household_id", direction, readings, temperatureTenths = "temperature_tenths", status, decision, reasons
        case nameMasked = "name_masked", phoneMasked = "phone_masked", recordedAt = "recorded_at"
    }

    /// `SELECT <columns> FROM passages WHERE <condition> ORDER BY <order> LIMIT <limit>`.
    static func select(where condition: SQLQueryString, orderBy order: String, limit: Int? = nil,
                       on sql: any SQLDatabase) async throws -> [PassageLine] {
        let columns = CodingKeys.allCases.map(\.rawValue).joined(separator: ", ")
        var query: SQLQueryString = "SELECT \(unsafeRaw: columns) FROM passages WHERE \(condition) ORDER BY \(unsafeRaw: order)"
        if let limit { query.appendLiteral(" LIMIT \(limit)") }
        return try await sql.raw(query).all(decoding: PassageLine.self)
    }
}
