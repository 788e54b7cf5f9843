import Fluent
import Foundation

/// Reading one passage: anyone whose scope holds its community (operators: their own checkpoint only).
enum PassageAccess {
    static func passage(_ id: UUID?, for user: User, on db: any Database) async throws -> Passage {
        guard let id, let passage = try await Passage.find(id, on: db) else { throw AppError.notFound }
        _ = try await AccessScope(user).community(passage.communityID, on: db)
        if user.roleValue == .operator, passage.$checkpoint.id != user.checkpointID { throw AppError.notFound }
        return passage
    }
}
