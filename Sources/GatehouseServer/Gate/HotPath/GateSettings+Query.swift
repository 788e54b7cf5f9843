import Foundation
import GatehouseCore
import SQLKit

extension GateSettings {
    private struct Row: Decodable {
        let checkpointName: String
        let communityId: UUID
        let feverThresholdTenths: Int
        let remeasureRestSeconds: Int
        let lowestReadingTenths: Int
        let outingQuota: String?
        let stoodDownAt: Date?
        let isOpen: Bool
    }

    /// The checkpoint's settings: from the cache when fresh, else one query (nil: no such checkpoint).
    static func find(_ checkpointID: UUID, cache: ShortLivedCache<UUID, GateSettings>, on sql: any SQLDatabase) async throws -> GateSettings? {
        if let cached = cache.value(for: checkpointID) { return cached }
        let query: SQLQueryString = """
            SELECT c.name AS checkpoint_name, m.id AS community_id, m.fever_threshold_tenths, m.remeasure_rest_seconds, m.lowest_reading_tenths,
                   m.outing_quota, m.stood_down_at, c.is_open
            FROM checkpoints c JOIN communities m ON m.id = c.community_id WHERE c.id = \(bind: checkpointID)
            """
        guard let row = try await sql.raw(query).first()?.decode(model: Row.self, keyDecodingStrategy: .convertFromSnakeCase) else {
            return nil
        }
        let settings = GateSettings(
            checkpointID: checkpointID, checkpointName: row.checkpointName, communityID: row.communityId,
            feverRule: GateService.feverRule(thresholdTenths: row.feverThresholdTenths, restSeconds: row.remeasureRestSeconds,
                                              lowestTenths: row.lowestReadingTenths),
            outingQuota: Community.outingQuota(stored: row.outingQuota),
            stoodDown: row.stoodDownAt != nil, isOpen: row.isOpen)
        cache.store(settings, for: checkpointID)
        return settings
    }
}
