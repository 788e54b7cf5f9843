import Fluent
import Foundation

/// Reading one passage: staff whose scope holds its community (operators: their own checkpoint only), and a
/// resident for their own household's passages.
enum PassageAccess {
    static func passage(_ id: UUID?, for user: User, on db: any Database) async throws -> Passage {
        guard let id, let passage = try await Passage.find(id, on: db) else { throw AppError.notFound }
        _ = try await AccessScope(user).community(passage.communityID, on: db)
        if user.roleValue == .operator, passage.$checkpoint.id != user.checkpointID { throw AppError.notFound }
        if user.roleValue == .resident, !(try await OwnHousehold.of(user, on: db).holds(passage)) { throw AppError.notFound }
        return passage
    }
}
