import Fluent
import Foundation
import GatehouseCore

/// First high readings whose re-measure was never taken: flagged to the office once the rest is over by ten
/// minutes, so nobody with a fever reading walks off unnoticed.
struct MissedRemeasures {
    /// How long after the rest a re-measure counts as missed.
    static let grace: TimeInterval = 10 * 60

    struct Row: Encodable {
        let passageId: UUID
        let nameMasked: String
        let checkpointName: String
        let recordedAt: String
        /// Minutes past the re-measure's limit (the rest plus the grace).
        let lateMinutes: Int
        let temperature: String
    }

    let services: GatehouseServices
    let db: any Database

    func list(community: Community) async throws -> [Row] {
        let rule = GateService.feverRule(of: community)
        let now = services.clock.now()
        let limit = TimeInterval(rule.restSeconds) + Self.grace
        let passages = try await Passage.query(on: db).filter(\.$communityID == community.id!)
            .filter(\.$awaitingRemeasure == true).filter(\.$recordedAt < now - limit)
            .sort(\.$recordedAt, .descending).limit(100).all()
        guard !passages.isEmpty else { return [] }
        let gates = try await Checkpoint.query(on: db).filter(\.$id ~~ Array(Set(passages.map { $0.$checkpoint.id }))).all()
        let names = Dictionary(uniqueKeysWithValues: gates.map { ($0.id!, $0.name) })
        return passages.map { p in
            Row(passageId: p.id!, nameMasked: p.nameMasked, checkpointName: names[p.$checkpoint.id] ?? "",
                recordedAt: RecordRow.listTime(p.recordedAt, now: now),
                lateMinutes: max(1, Int(now.timeIntervalSince(p.recordedAt + limit) / 60)),
                temperature: (try? BodyTemperature(tenths: p.temperatureTenths).description) ?? "")
        }
    }
}
