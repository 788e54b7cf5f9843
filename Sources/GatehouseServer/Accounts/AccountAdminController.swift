import Fluent
import GatehouseCore
import Vapor

/// An admin ends or gives back an account's access in their scope (`/admin/users/{id}/disable|enable|unlock`,
/// buttons on the community page): a guard who leaves loses access the moment the office says so.
struct AccountAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post(.user(.key, .disable)) { req in try await act(req, done: "disabled") { try await AccountAccess(db: req.db).disable($0) } }
        routes.post(.user(.key, .enable)) { req in try await act(req, done: "enabled") { try await AccountAccess(db: req.db).enable($0) } }
        routes.post(.user(.key, .unlock)) { req in try await act(req, done: "unlocked") { await req.application.loginThrottle.lift(username: $0.username) } }
    }

    private func act(_ req: Request, done: String, _ change: (User) async throws -> Void) async throws -> Response {
        let admin = try req.requireUser(.districtAdmin, .communityAdmin)
        let user = try await AccountAccess.manageable(req.parameters.get("userID", as: UUID.self), by: admin, on: req.db)
        try await change(user)
        guard let community = user.communityID else { return req.redirect(to: .admin(.overview), ["done": done]) }
        return req.redirect(to: .community(.value(community), .overview), ["done": done])
    }
}
