import Foundation
import GatehouseStore
import PostgresNIO

/// PostgreSQL: a batch of passages inserted by one prepared statement, each column bound as one array (`unnest`), so
/// that the statement's text is the same whatever the batch's size. The connection prepares it once and PostgreSQL
/// keeps its plan: a multi-row `VALUES` of its own text for each size was parsed and planned again at every batch
/// (half a millisecond, as long as executing it), and every value went through PostgresKit's `Encodable` binding.
///
/// Like the statement it replaces it share-locks the rows of the communities it writes for (until its transaction
/// ends), so that a stand-down (which locks its community's row first) either finishes before and is seen here, or
/// waits until these rows are in and then purges them; it leaves out rows of communities that have stood down and
/// rows whose clientRequestId (or id) is already stored, and inserts in the batch's order. Returns the ids inserted.
struct PassageBatchStatement: PostgresPreparedStatement {
    static let name = "gatehouse_passage_batch_v2"

    /// The columns with their PostgreSQL types, in `PassageRecord.columns` order.
    private static let typed: [(column: String, type: String)] = [
        ("id", "uuid"), ("community_id", "uuid"), ("checkpoint_id", "uuid"), ("operator_id", "uuid"),
        ("person_id", "uuid"), ("household_id", "uuid"), ("pass_id", "uuid"), ("registration_id", "uuid"),
        ("direction", "text"), ("mode", "text"), ("readings", "text"), ("temperature_tenths", "int8"),
        ("status", "text"), ("decision", "text"), ("reasons", "text"), ("wears_mask", "bool"),
        ("awaiting_remeasure", "bool"), ("name_masked", "text"), ("phone_masked", "text"),
        ("recorded_at", "timestamptz"), ("client_time", "timestamptz"), ("client_request_id", "uuid"),
        ("updated_at", "timestamptz"), ("offline", "bool"), ("review_decision", "text"), ("review_reasons", "text"),
    ]

    static let sql: String = {
        precondition(typed.map(\.column) == PassageRecord.columns, "the batch statement's columns differ from the table's")
        let names = typed.map(\.column).joined(separator: ", ")
        let arrays = typed.enumerated().map { n, c in "$\(n + 1)::\(c.type)[]" }.joined(separator: ", ")
        return """
            WITH v AS (SELECT * FROM unnest(\(arrays)) WITH ORDINALITY AS v(\(names), n)), \
            open AS (SELECT id FROM communities WHERE id IN (SELECT community_id FROM v) AND stood_down_at IS NULL \
            ORDER BY id FOR SHARE) \
            INSERT INTO passages (\(names)) SELECT \(names) FROM v WHERE community_id IN (SELECT id FROM open) \
            ORDER BY n ON CONFLICT DO NOTHING RETURNING id
            """
    }()

    typealias Row = UUID

    let rows: [PassageValues]

    func makeBindings() throws -> PostgresBindings {
        var b = PostgresBindings(capacity: Self.typed.count)
        func column<T: PostgresArrayEncodable & PostgresNonThrowingEncodable>(_ value: (PassageValues) -> T) {
            b.append(rows.map(value))
        }
        func nullable<T: PostgresArrayEncodable & PostgresNonThrowingEncodable & Sendable>(_ value: (PassageValues) -> T?) {
            b.append(PostgresNullableArray(rows.map(value)))
        }
        column(\.id); column(\.communityID); column(\.checkpointID); column(\.operatorID)
        nullable(\.personID); nullable(\.householdID); nullable(\.passID); nullable(\.registrationID)
        column(\.direction.rawValue); column(\.mode); column(\.outcome.readings); column(\.outcome.temperatureTenths)
        column(\.outcome.status.rawValue); column(\.outcome.decision); column(\.outcome.reasons); column(\.wearsMask)
        column(\.outcome.awaitingRemeasure); column(\.nameMasked); column(\.phoneMasked)
        column(\.recordedAt); nullable(\.clientTime); column(\.clientRequestID); column(\.updatedAt)
        column(\.offline); nullable(\.review?.decision); nullable(\.review?.reasons)
        return b
    }

    func decodeRow(_ row: PostgresRow) throws -> UUID {
        try row.decode(UUID.self)
    }
}
