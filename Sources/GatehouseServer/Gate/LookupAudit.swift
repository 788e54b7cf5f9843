import Fluent
import Foundation
import GatehouseCore

/// Look-ups of ID numbers at the gate are counted and written down: each one is an audit entry naming the operator,
/// the gate and (when the community knows them) the person, who sees it in their data report; an operator who has
/// made `perHour` in the last hour is refused until the oldest of them is an hour old. Counted from the audit log
/// itself, so the limit holds across instances and restarts.
struct LookupAudit {
    static let perHour = 120

    let services: GatehouseServices
    let db: any Database

    /// Throws 429 with a sentence saying when to go on, once `user` has had `perHour` look-ups in the last hour.
    func allow(_ user: User) async throws {
        let since = services.clock.now() - 3600
        let recent = AuditEvent.query(on: db).filter(\.$userID == (try user.requireID()))
            .filter(\.$action == AuditAction.personLookup.rawValue).filter(\.$at > since)
        guard try await recent.count() >= Self.perHour else { return }
        let oldest = try await recent.sort(\.$at).first()?.at ?? since
        let at = ChinaTime.text(oldest + 3600 + 60, "HH:mm")
        throw AppError(.tooManyRequests, "too_many_lookups",
                       zh: "查询过于频繁：每人每小时最多查询\(Self.perHour)次，请于 \(at) 后再试；持通行证的居民请扫码通行",
                       en: "Too many look-ups: at most \(Self.perHour) an hour each; try again after \(at), and scan residents' passes meanwhile")
    }

    func record(_ user: User, person: UUID?, community: Community, gate: Checkpoint) async throws {
        try await AuditLog(services: services, db: db).record(.personLookup, by: user, community: community.id,
                                                             target: person.map { "person:\($0)" },
                                                             detail: "\(community.name)\(gate.name)")
    }
}
