import Fluent
import Foundation
import GatehouseCore
import SQLKit

/// Builds a checkpoint's `GateSnapshot` from the register: three small queries over one community.
struct GateSnapshotQuery {
    let services: GatehouseServices
    let db: any Database
    let language: Language

    func snapshot(of gate: Checkpoint, in community: Community) async throws -> GateSnapshot {
        let now = services.clock.now()
        let communityID = try community.requireID()
        let rule = GateService.feverRule(of: community)
        let quota = community.outingQuota
        let refused = try await Pass.query(on: db).filter(\.$communityID == communityID)
            .filter(\.$status != Pass.Status.active.rawValue).filter(\.$expiresAt > now).all()
            .compactMap { pass -> GateSnapshot.RefusedPass? in
                guard let reason = PassResolver.refusal(status: pass.statusValue, expiresAt: pass.expiresAt, now: now) else { return nil }
                return GateSnapshot.RefusedPass(passId: try pass.requireID(), code: reason.code)
            }
        let quarantined = try await Household.query(on: db).filter(\.$communityID == communityID)
            .filter(\.$homeQuarantine == true).all().map { try $0.requireID() }
        var exits: GateSnapshot.Exits?
        if let quota { exits = try await self.exits(communityID, quota: quota, now: now) }
        return GateSnapshot(
            serverTime: now, communityId: communityID, checkpointId: try gate.requireID(), checkpointName: gate.name,
            staleAfterSeconds: GateSnapshot.staleAfterSeconds,
            rules: GateSnapshot.rules(rule, quota: quota),
            keys: services.passVerifier.jwks(), refusedPasses: refused, quarantinedHouseholds: quarantined,
            exits: exits,
            reasons: GateSnapshot.reasons(rule, quota: quota, language: language),
            temperatureTooLow: TemperatureError.tooLow(lowest: rule.lowest).message.text(for: language.rawValue))
    }

    /// The allowed exits in the quota's window, grouped as `OutingQuotaCounter` counts them: by household, or by the
    /// pass's holder (their exits by any means; a pass without a holder by its own).
    private func exits(_ communityID: UUID, quota: OutingQuota, now: Date) async throws -> GateSnapshot.Exits {
        let start = quota.windowStart(now: now)
        let exits: SQLQueryString = """
            SELECT x.household_id, x.person_id, x.pass_id, x.recorded_at FROM passages x \
            WHERE x.community_id = \(bind: communityID) AND x.direction = 'out' AND x.decision = 'allow' \
            AND x.recorded_at >= \(bind: start)
            """
        struct Exit: Decodable {
            let householdId: UUID?
            let personId: UUID?
            let passId: UUID?
            let recordedAt: Date
        }
        let sql = db as! any SQLDatabase
        let rows = try await sql.raw(exits).all().map { try $0.decode(model: Exit.self, keyDecodingStrategy: .convertFromSnakeCase) }
        var byHolder: [UUID: [Date]] = [:]
        switch quota.scope {
        case .household:
            for row in rows { if let id = row.householdId { byHolder[id, default: []].append(row.recordedAt) } }
        case .person:
            var byPerson: [UUID: [Date]] = [:]
            var byPass: [UUID: [Date]] = [:]
            for row in rows {
                if let person = row.personId { byPerson[person, default: []].append(row.recordedAt) }
                else if let pass = row.passId { byPass[pass, default: []].append(row.recordedAt) }
            }
            let holders: SQLQueryString = """
                SELECT p.id AS pass_id, r.person_id FROM passes p LEFT JOIN residents r ON r.id = p.resident_id \
                WHERE p.community_id = \(bind: communityID) AND p.status = 'active' AND p.expires_at > \(bind: now)
                """
            struct Holder: Decodable { let passId: UUID; let personId: UUID? }
            for row in try await sql.raw(holders).all() {
                let holder = try row.decode(model: Holder.self, keyDecodingStrategy: .convertFromSnakeCase)
                let times = holder.personId.flatMap { byPerson[$0] } ?? byPass[holder.passId] ?? []
                if !times.isEmpty { byHolder[holder.passId] = times }
            }
        }
        let holders = byHolder.keys.sorted { $0.uuidString < $1.uuidString }
            .map { GateSnapshot.Exits.Holder(id: $0, at: byHolder[$0]!.sorted()) }
        return GateSnapshot.Exits(scope: quota.scope, windowStart: start, holders: holders)
    }
}
