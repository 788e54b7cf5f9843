import Fluent
import Foundation
import Vapor

/// Who may see or change a household and its passes: admins whose scope holds the community (police read only),
/// and the household's own residents (read only).
enum HouseholdAccess {
    /// The household, for managing (admins only), or 404/403.
    static func manage(_ id: UUID?, for user: User, on db: any Database) async throws -> Household {
        guard user.roleValue.isAdmin else { throw AppError.forbidden }
        guard let id, let household = try await Household.find(id, on: db) else { throw AppError.notFound }
        _ = try await AccessScope(user).community(household.communityID, on: db)
        return household
    }

    /// The household, for reading: admins and police in scope, and its residents.
    static func read(_ id: UUID?, for user: User, on db: any Database) async throws -> Household {
        guard let id, let household = try await Household.find(id, on: db) else { throw AppError.notFound }
        if user.roleValue == .resident {
            let mine = try await Resident.query(on: db).filter(\.$household.$id == id).filter(\.$userID == user.id).count()
            guard mine > 0 else { throw AppError.notFound }
            return household
        }
        guard user.roleValue.isAdmin || user.roleValue == .police else { throw AppError.forbidden }
        _ = try await AccessScope(user).community(household.communityID, on: db)
        return household
    }

    /// The pass, for managing.
    static func managePass(_ id: UUID?, for user: User, on db: any Database) async throws -> Pass {
        guard let id, let pass = try await Pass.find(id, on: db) else { throw AppError.notFound }
        _ = try await manage(pass.$household.id, for: user, on: db)
        return pass
    }

    /// The pass, for reading (and showing its QR).
    static func readPass(_ id: UUID?, for user: User, on db: any Database) async throws -> Pass {
        guard let id, let pass = try await Pass.find(id, on: db) else { throw AppError.notFound }
        _ = try await read(pass.$household.id, for: user, on: db)
        return pass
    }
}
