import Fluent
import GatehouseCore
import Vapor

/// `/api/v1/communities/{id}/dashboard` and `/api/v1/rollup`: the dashboard's figures as JSON.
struct OversightAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.api(.community(.key, .dashboard)), use: dashboard)
        routes.get(.api(.rollup), use: rollup)
    }

    func dashboard(req: Request) async throws -> CommunityFigures {
        let (user, community) = try await req.community(.communityAdmin, .districtAdmin, .health, .police)
        return try await OversightFigures(services: req.gatehouse, db: req.db, language: req.language).figures(for: [community])[0]
    }

    func rollup(req: Request) async throws -> [CommunityFigures] {
        let user = try req.requireUser(.districtAdmin, .health, .police)
        return try await OversightFigures(services: req.gatehouse, db: req.db, language: req.language)
            .figures(for: try await AccessScope(user).communities(on: req.db))
    }
}
