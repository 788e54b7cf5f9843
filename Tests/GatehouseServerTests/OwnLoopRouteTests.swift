@testable import GatehouseServer
import NIOPosix
import XCTVapor

final class OwnLoopRouteTests: XCTestCase {
    func testTheHandlerGoesOnOnTheRequestsLoopAfterAnAwaitElsewhereAndItsErrorsAnswer() async throws {
        let app = try await Application.make(.testing)
        let elsewhere = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        // A bare app: any two of the site's paths serve as the test's routes.
        app.postOnOwnLoop(.healthz) { req in
            // Something finished on another thread, as the group commit's answer is on the writer lane's.
            try await elsewhere.next().submit {}.get()
            return Response(status: .ok, body: .init(string: "\(req.eventLoop.inEventLoop)"))
        }
        app.postOnOwnLoop(.metrics) { _ in throw Abort(.conflict) }
        do {
            for _ in 0..<5 {
                let answer = try await app.testable().sendRequest(.POST, SiteURL.healthz.path)
                XCTAssertEqual(answer.status, .ok)
                XCTAssertEqual(answer.body.string, "true", "resumed on the request's own loop")
            }
            let refused = try await app.testable().sendRequest(.POST, SiteURL.metrics.path)
            XCTAssertEqual(refused.status, .conflict)
        } catch {
            try? await elsewhere.shutdownGracefully()
            try await app.asyncShutdown()
            throw error
        }
        try await elsewhere.shutdownGracefully()
        try await app.asyncShutdown()
    }
}
