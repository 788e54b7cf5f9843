import Fluent
import Foundation

/// Writes audit entries: one per export, trace or reveal.
struct AuditLog {
    let services: GatehouseServices
    let db: any Database

    func record(_ action: AuditAction, by user: User, community: UUID?, target: String?, detail: String,
                reason: String? = nil) async throws {
        let e = AuditEvent()
        e.at = services.clock.now()
        e.userID = try user.requireID()
        e.role = user.role
        e.action = action.rawValue
        e.communityID = community
        e.target = target
        e.detail = detail
        e.reason = reason
        try await e.create(on: db)
    }

    /// A police account looked at a community's page (supervision is itself supervised); `target` names the case or
    /// record viewed, when it is one.
    func policeView(_ what: String, by user: User, community: UUID?, target: String? = nil) async throws {
        guard user.roleValue == .police else { return }
        try await record(.policeView, by: user, community: community, target: target ?? community.map { "community:\($0)" }, detail: what)
    }
}
