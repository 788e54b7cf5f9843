import Fluent
import SQLKit
import Vapor

/// `GET /healthz`: 200 when the database answers, 503 otherwise.
struct HealthController: RouteCollection {
    struct Status: Content {
        let status: String
        let database: String
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.healthz, use: health)
    }

    func health(req: Request) async throws -> Response {
        let kind = req.gatehouse.configuration.database.kindName
        do {
            try await (req.db as! any SQLDatabase).raw("SELECT 1").run()
            return try await Status(status: "ok", database: kind).encodeResponse(status: .ok, for: req)
        } catch {
            req.logger.error("health check: database does not answer")
            return try await Status(status: "unavailable", database: kind).encodeResponse(status: .serviceUnavailable, for: req)
        }
    }
}
