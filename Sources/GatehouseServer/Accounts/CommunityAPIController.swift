import Fluent
import GatehouseCore
import Vapor

/// `/api/v1/me`, `/api/v1/communities…`: the organisation, scoped to the caller.
struct CommunityAPIController: RouteCollection {
    struct Me: Content {
        let id: UUID
        let username: String
        let role: String
        let districtId: UUID?
        let subdistrictId: UUID?
        let communityId: UUID?
        let checkpointId: UUID?
    }

    struct NewCheckpoint: Content {
        let name: String?
        let isOpen: Bool?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.api(.me), use: me)
        routes.get(.api(.communities), use: list)
        routes.get(.api(.community(.key, .overview)), use: show)
        routes.get(.api(.community(.key, .checkpoints)), use: checkpoints)
        routes.post(.api(.community(.key, .checkpoints)), use: addCheckpoint)
    }

    func me(req: Request) async throws -> Me {
        let u = try req.requireUser()
        return Me(id: try u.requireID(), username: u.username, role: u.role, districtId: u.districtID,
                  subdistrictId: u.subdistrictID, communityId: u.communityID, checkpointId: u.checkpointID)
    }

    func list(req: Request) async throws -> [CommunityOverview] {
        let user = try req.requireUser()
        return try await CommunityOverview.build(try await AccessScope(user).communities(on: req.db),
                                                 showCodes: user.roleValue.isAdmin, on: req.db)
    }

    func show(req: Request) async throws -> CommunityOverview {
        let (user, c) = try await req.communityInScope()
        return try await CommunityOverview.build([c], showCodes: user.roleValue.isAdmin, on: req.db)[0]
    }

    func checkpoints(req: Request) async throws -> [CommunityOverview.Gate] {
        try await show(req: req).checkpoints
    }

    func addCheckpoint(req: Request) async throws -> Response {
        let (user, c) = try await req.communityInScope()
        guard user.roleValue.isAdmin else { throw AppError.forbidden }
        let input = try req.content.decode(NewCheckpoint.self)
        let gate = try await OrganisationEditing(services: req.gatehouse, db: req.db)
            .addCheckpoint(name: input.name, isOpen: input.isOpen ?? true, community: c)
        return try await CommunityOverview.Gate(id: gate.id!, name: gate.name, isOpen: gate.isOpen, enrolmentCode: gate.enrolmentCode)
            .encodeResponse(status: .created, for: req)
    }
}
