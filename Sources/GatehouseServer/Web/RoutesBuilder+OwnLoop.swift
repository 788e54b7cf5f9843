import GatehouseStore
import Vapor

extension RoutesBuilder {
    /// `POST` with an async handler whose task prefers the request's own event loop: it starts there and goes on
    /// there after every `await` — also when the group commit answers from the writer lane's thread — so the response
    /// is written on the loop that owns the connection. A task of Vapor's own async routes goes on on whichever loop
    /// comes next, and its response then crosses back. For the gate's hot path (its gain is in BENCHMARKS.md).
    @discardableResult
    func postOnOwnLoop(_ url: SiteURL, use handler: @escaping @Sendable (Request) async throws -> Response) -> Route {
        on(.POST, url.pathComponents) { req -> EventLoopFuture<Response> in
            let promise = req.eventLoop.makePromise(of: Response.self)
            Task(executorPreference: EventLoopTaskExecutor.of(req.eventLoop)) {
                do { promise.succeed(try await handler(req)) } catch { promise.fail(error) }
            }
            return promise.futureResult
        }
    }
}
