import Vapor

/// `GET /api/v1/openapi.json`: the OpenAPI 3.1 description of every `/api/v1` route (a bundled resource).
struct OpenAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.api(.openAPI), use: document)
    }

    func document(req: Request) async throws -> Response {
        let path = ResourceLocator.root + "openapi.json"
        let response = try await req.fileio.asyncStreamFile(at: path)
        response.headers.contentType = .json
        return response
    }
}
