import Fluent
import Foundation
import GatehouseCore

/// Who may see a fever case and who may take which step.
enum FeverCaseAccess {
    /// Everyone who is told of fever cases and may look at them (police supervise, read only).
    static let viewers: [Role] = [.communityAdmin, .districtAdmin, .operator, .property, .health, .police]

    /// The case, when it lies in the user's scope; 404 otherwise (no existence leak).
    static func find(_ id: UUID?, for user: User, on db: any Database) async throws -> (FeverCase, Community) {
        guard viewers.contains(user.roleValue) else { throw AppError.forbidden }
        guard let id, let c = try await FeverCase.find(id, on: db) else { throw AppError.notFound }
        return (c, try await AccessScope(user).community(c.communityID, on: db))
    }

    /// Whether `role` may take a step to `stage`: the decision (transfer or release) is the health department's
    /// (or recorded by the community on a doctor's word); the room, the report and the disinfection are anyone's
    /// on duty.
    static func may(_ role: Role, take stage: FeverCaseStage) -> Bool {
        if stage.isDecision { return [.health, .communityAdmin, .districtAdmin].contains(role) }
        return [.communityAdmin, .districtAdmin, .operator, .property, .health].contains(role)
    }
}
