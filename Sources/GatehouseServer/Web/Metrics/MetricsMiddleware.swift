import FluentKit
import Vapor

/// Times every request into `GatehouseMetrics` by route pattern (values in the path never become labels), and counts
/// the requests that failed on a database error. Future-based: see `SecurityHeadersMiddleware`.
struct MetricsMiddleware: Middleware {
    let metrics: GatehouseMetrics

    func respond(to req: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        let start = ContinuousClock.now
        return next.respond(to: req).map { response in
            record(req, status: response.status.code, since: start)
            return response
        }.flatMapErrorThrowing { error in
            if error is any DatabaseError { metrics.databaseError() }
            record(req, status: (error as? any AbortError)?.status.code ?? 500, since: start)
            throw error
        }
    }

    private func record(_ req: Request, status: UInt, since start: ContinuousClock.Instant) {
        metrics.request(req.route, method: req.method.rawValue, status: status, duration: ContinuousClock.now - start)
    }
}
