import Vapor

/// `POST /api/v1/contact-traces`: a contact trace for health staff (reason required, audited).
struct TracingAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post(.api(.contactTraces), use: trace)
    }

    func trace(req: Request) async throws -> Response {
        try await TracingController.traced(req, try req.content.decode(ContactTraceInput.self), action: .contactTrace).jsonResponse()
    }
}
