import Fluent
import GatehouseCore
import Vapor

/// `/api/v1/households/{id}/quarantine`, `/api/v1/communities/{id}/quarantine-orders`,
/// `/api/v1/quarantine-orders/{id}/…`: home quarantine orders, their health reports, extension and release.
struct QuarantineAPIController: RouteCollection {
    struct Extension: Content { var endsOn: String?; var note: String? }
    struct Release: Content { var note: String? }
    struct Report: Content { var residentId: UUID?; var temperature: Double?; var symptoms: [String]?; var note: String? }

    func boot(routes: any RoutesBuilder) throws {
        routes.post(.api(.household(.key, .quarantine)), use: order)
        routes.get(.api(.community(.key, .quarantineOrders)), use: list)
        routes.post(.api(.quarantineOrder(.key, .extend)), use: extend)
        routes.post(.api(.quarantineOrder(.key, .release)), use: release)
        routes.post(.api(.quarantineOrder(.key, .reports)), use: report)
    }

    private func board(_ req: Request) -> QuarantineBoard {
        QuarantineBoard(services: req.gatehouse, db: req.db, language: req.language)
    }

    private func view(_ req: Request, _ order: QuarantineOrder) async throws -> QuarantineBoard.Past {
        guard let view = try await board(req).history(household: order.householdID).first(where: { $0.id == order.id }) else { throw AppError.notFound }
        return view
    }

    func order(req: Request) async throws -> Response {
        let user = try req.requireUser(.communityAdmin, .districtAdmin, .health)
        guard let household = try await Household.find(req.parameters.get("householdID", as: UUID.self), on: req.db) else { throw AppError.notFound }
        _ = try await AccessScope(user).community(household.communityID, on: req.db)
        let order = try await QuarantineOrders(services: req.gatehouse, db: req.db)
            .order(household, try req.content.decode(QuarantineOrderInput.self), by: try user.requireID())
        return try await view(req, order).encodeResponse(status: .created, for: req)
    }

    func list(req: Request) async throws -> [QuarantineBoard.Order] {
        let (user, community) = try await req.community(.communityAdmin, .districtAdmin, .health)
        return try await board(req).open(community: community.id!)
    }

    func extend(req: Request) async throws -> QuarantineBoard.Past {
        let (user, order, _) = try await QuarantineController.order(req)
        let input = try req.content.decode(Extension.self)
        try await QuarantineOrders(services: req.gatehouse, db: req.db).extend(order, to: input.endsOn, note: input.note, by: try user.requireID())
        return try await view(req, order)
    }

    func release(req: Request) async throws -> QuarantineBoard.Past {
        let (user, order, _) = try await QuarantineController.order(req)
        let input = try req.content.decode(Release.self)
        try await QuarantineOrders(services: req.gatehouse, db: req.db).release(order, note: input.note, by: try user.requireID())
        return try await view(req, order)
    }

    func report(req: Request) async throws -> Response {
        let (user, order, _) = try await QuarantineController.order(req)
        let input = try req.content.decode(Report.self)
        try await board(req).report(order, resident: input.residentId, temperature: input.temperature, symptoms: input.symptoms ?? [],
                                    note: input.note, by: try user.requireID())
        return Response(status: .created)
    }
}
