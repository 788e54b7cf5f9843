import Fluent
import GatehouseCore
import Vapor

/// Who may work a checkpoint: its own operators, and the admins of its community (or district).
enum GateAccess {
    /// A stood-down community's gates record nothing more.
    static let standingDown = AppError(.conflict, "stood_down", zh: "本社区已解除防控，卡点不再登记", en: "This community has stood down: its gates record nothing more")

    /// A closed checkpoint records no passages (the Henan guide keeps one entrance open; the others are shut).
    static let closed = AppError(.conflict, "checkpoint_closed", zh: "此卡点已关闭，不再登记出入：请到本社区开放的出入口",
                                 en: "This checkpoint is closed and records no passages: use the community's open entrance")

    /// The checkpoint and its community, or 403/404 (409 once the community has stood down).
    static func checkpoint(_ id: UUID?, for user: User, on db: any Database) async throws -> (Checkpoint, Community) {
        guard let id, let gate = try await Checkpoint.find(id, on: db) else { throw AppError.notFound }
        switch user.roleValue {
        case .operator:
            guard user.checkpointID == id else {
                throw AppError(.forbidden, "wrong_checkpoint", zh: "您只能在本人注册的卡点登记", en: "You can only register passages at your own checkpoint")
            }
        case .communityAdmin, .districtAdmin:
            break
        default:
            throw AppError.forbidden
        }
        let community = try await AccessScope(user).community(gate.$community.id, on: db)
        guard community.stoodDownAt == nil else { throw standingDown }
        return (gate, community)
    }

    /// Whether `user` may watch the checkpoint's live screen.
    static func canWatch(checkpoint gate: Checkpoint, user: User, on db: any Database) async throws -> Bool {
        if user.roleValue == .operator { return user.checkpointID == gate.id }
        guard user.roleValue.isAdmin else { return false }
        return (try? await AccessScope(user).community(gate.$community.id, on: db)) != nil
    }
}
