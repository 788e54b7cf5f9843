import Vapor

/// Routes registered by their `SiteURL` (its variables as `.key`), so a path is spelled only in the enum.
extension RoutesBuilder {
    @discardableResult
    func get<Response: AsyncResponseEncodable>(_ url: SiteURL, use handler: @Sendable @escaping (Request) async throws -> Response) -> Route {
        on(.GET, url.pathComponents, use: handler)
    }

    @discardableResult
    func post<Response: AsyncResponseEncodable>(_ url: SiteURL, use handler: @Sendable @escaping (Request) async throws -> Response) -> Route {
        on(.POST, url.pathComponents, use: handler)
    }

    @discardableResult
    func put<Response: AsyncResponseEncodable>(_ url: SiteURL, use handler: @Sendable @escaping (Request) async throws -> Response) -> Route {
        on(.PUT, url.pathComponents, use: handler)
    }

    @discardableResult
    func on<Response: AsyncResponseEncodable>(_ method: HTTPMethod, _ url: SiteURL, body: HTTPBodyStreamStrategy,
                                              use handler: @Sendable @escaping (Request) async throws -> Response) -> Route {
        on(method, url.pathComponents, body: body, use: handler)
    }
}
