import Fluent
import GatehouseCore
import Vapor

/// `/api/v1/fever-cases…`: the open cases in scope, one case with its history, and taking the next step.
struct FeverCaseAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.api(.feverCases), use: list)
        routes.get(.api(.feverCase(.key, .overview)), use: show)
        routes.post(.api(.feverCase(.key, .steps)), use: step)
    }

    private func desk(_ req: Request) -> FeverCaseDesk {
        FeverCaseDesk(services: req.gatehouse, db: req.db, language: req.language)
    }

    /// `?closed=1` lists the latest closed cases instead of the open ones.
    func list(req: Request) async throws -> [FeverCaseRow] {
        let user = try req.requireUser(.communityAdmin, .districtAdmin, .operator, .property, .health, .police)
        let closed = try QueryNumber.int(req, "closed", in: 1...1) == 1
        return try await desk(req).rows(in: AccessScope(user), open: !closed, limit: closed ? 50 : 200)
    }

    func show(req: Request) async throws -> FeverCaseDesk.Detail {
        let user = try req.requireUser()
        let (c, community) = try await FeverCaseAccess.find(req.parameters.get("caseID", as: UUID.self), for: user, on: req.db)
        return try await desk(req).detail(c, community: community, for: user)
    }

    func step(req: Request) async throws -> FeverCaseDesk.Detail {
        let user = try req.requireUser()
        let (c, community) = try await FeverCaseAccess.find(req.parameters.get("caseID", as: UUID.self), for: user, on: req.db)
        let notice = try await desk(req).advance(c, try req.content.decode(FeverCaseStepInput.self), by: user)
        await FeverCaseNotices.publish(notice, community: community.id!, live: req.live, on: req.db)
        return try await desk(req).detail(c, community: community, for: user)
    }
}
