import Foundation
import SQLKit

/// A pass with what the gate needs of its household and holder, read in one query.
struct PassRow: Decodable, Sendable {
    let communityId: UUID
    let householdId: UUID
    let status: String
    let expiresAt: Date
    let householdLabel: String
    let homeQuarantine: Bool
    let personId: UUID?
    let nameMasked: String?
    let phoneMasked: String?
    let cardValidUntil: String?

    private enum CodingKeys: String, CodingKey {
        case communityId = "community_id", householdId = "household_id", status, expiresAt = "expires_at"
        case householdLabel = "household_label", homeQuarantine = "home_quarantine", personId = "person_id"
        case nameMasked = "name_masked", phoneMasked = "phone_masked", cardValidUntil = "card_valid_until"
    }

    /// The pass from the hot path's cache when fresh (`HotPathCaches`), else one query.
    static func find(_ id: UUID, cache: ShortLivedCache<UUID, PassRow>, on sql: any SQLDatabase) async throws -> PassRow? {
        if let cached = cache.value(for: id) { return cached }
        guard let row = try await find(id, on: sql) else { return nil }
        cache.store(row, for: id)
        return row
    }

    private static func find(_ id: UUID, on sql: any SQLDatabase) async throws -> PassRow? {
        let query: SQLQueryString = """
            SELECT p.community_id, p.household_id, p.status, p.expires_at, h.label AS household_label, h.home_quarantine,
                   per.id AS person_id, per.name_masked, per.phone_masked, per.card_valid_until
            FROM passes p JOIN households h ON h.id = p.household_id
            LEFT JOIN residents r ON r.id = p.resident_id LEFT JOIN persons per ON per.id = r.person_id
            WHERE p.id = \(bind: id)
            """
        return try await sql.raw(query).first()?.decode(model: PassRow.self)
    }
}
