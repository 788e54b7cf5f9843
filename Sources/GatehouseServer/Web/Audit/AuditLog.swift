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

    /// A police account looked at a community's page (supervision is itself supervised).
    func policeView(_ what: String, by user: User, community: UUID?) async throws {
        guard user.roleValue == .police else { return }
        try await record(.policeView, by: user, community: community, target: community.map { "community:\($0)" }, detail: what)
    }
}
