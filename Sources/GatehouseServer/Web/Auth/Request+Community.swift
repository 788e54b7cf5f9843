import GatehouseCore
import Vapor

extension Request {
    /// The community the path names (`:communityID`) with the signed-in user, if their role is one of `roles`
    /// (else 403) and the community lies in their scope (else 404, as if it did not exist).
    func community(_ first: Role, _ rest: Role...) async throws -> (user: User, community: Community) {
        let user = try requireUser()
        guard ([first] + rest).contains(user.roleValue) else { throw AppError.forbidden }
        return (user, try await communityInScope(of: user))
    }

    /// The community the path names for any signed-in user whose scope holds it (else 404).
    func communityInScope() async throws -> (user: User, community: Community) {
        let user = try requireUser()
        return (user, try await communityInScope(of: user))
    }

    private func communityInScope(of user: User) async throws -> Community {
        try await AccessScope(user).community(parameters.get(SiteURL.communityKey, as: UUID.self), on: db)
    }
}
