import Fluent
import Vapor

/// Server-sent events for the gate screen (`/live/checkpoints/{id}`), the community's screens (`/live/communities/{id}`)
/// and a resident's household page (`/live/me`).
struct LiveController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.live(.checkpoint(.key)), use: checkpoint)
        routes.get(.live(.community(.key)), use: community)
        routes.get(.live(.me), use: household)
        routes.get(.live(.feverCases), use: feverCases)
    }

    /// Fever cases over the user's whole scope: a community, a subdistrict or a district.
    func feverCases(req: Request) async throws -> Response {
        let user = try req.requireUser(.communityAdmin, .districtAdmin, .operator, .property, .health, .police)
        let channel: LiveChannel
        switch AccessScope(user) {
        case .community(let id): channel = .community(id)
        case .subdistrict(let id): channel = .subdistrict(id)
        case .district(let id): channel = .district(id)
        case .granted, .nothing: throw AppError.forbidden
        }
        return await ServerSentEvents.response(for: channel, on: req)
    }

    /// The signed-in resident's household: visitors and parcels as they arrive.
    func household(req: Request) async throws -> Response {
        let user = try req.requireUser(.resident)
        guard let resident = try await Resident.query(on: req.db).filter(\.$userID == user.id).first() else { throw AppError.notFound }
        return await ServerSentEvents.response(for: .household(resident.$household.id), on: req)
    }

    func checkpoint(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard let id = req.parameters.get("checkpointID", as: UUID.self), let gate = try await Checkpoint.find(id, on: req.db),
              try await GateAccess.canWatch(checkpoint: gate, user: user, on: req.db)
        else { throw AppError.notFound }
        return await ServerSentEvents.response(for: .checkpoint(id), on: req)
    }

    func community(req: Request) async throws -> Response {
        let (user, community) = try await req.community(.communityAdmin, .districtAdmin, .operator, .property, .health, .police)
        return await ServerSentEvents.response(for: .community(community.id!), on: req)
    }
}
