import FluentKit
import Vapor

/// Times every request into `GatehouseMetrics` by route pattern (values in the path never become labels), and counts
/// the requests that failed on a database error.
struct MetricsMiddleware: AsyncMiddleware {
    let metrics: GatehouseMetrics

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next.respond(to: req)
            record(req, status: response.status.code, since: start)
            return response
        } catch {
            if error is any DatabaseError { metrics.databaseError() }
            record(req, status: (error as? any AbortError)?.status.code ?? 500, since: start)
            throw error
        }
    }

    private func record(_ req: Request, status: UInt, since start: ContinuousClock.Instant) {
        let route = req.route.map { $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
        metrics.request(route: route, method: req.method.rawValue, status: status, duration: ContinuousClock.now - start)
    }
}
