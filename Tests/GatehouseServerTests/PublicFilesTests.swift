import Foundation
@testable import GatehouseServer
import XCTVapor

final class PublicFilesTests: XCTestCase {
    func testTheFolderIsServedUnderItsOwnNamesOnlyAndOnlyToGETAndHEAD() async throws {
        try await TestApp.run { app in
            let css = try await app.testable().sendRequest(.GET, "/css/app.css?v=2")
            XCTAssertEqual(css.status, .ok)
            XCTAssertEqual(css.headers.contentType?.subType, "css")
            XCTAssertEqual(css.headers.first(name: "X-Content-Type-Options"), "nosniff", "files carry the headers too")
            let script = try await app.testable().sendRequest(.HEAD, "/js/gate.js")
            XCTAssertEqual(script.status, .ok)
            let posted = try await app.testable().sendRequest(.POST, "/css/app.css")
            XCTAssertEqual(posted.status, .notFound, "a POST never reads a file")
            let missing = try await app.testable().sendRequest(.GET, "/css/none.css")
            XCTAssertEqual(missing.status, .notFound)
            for path in ["/css/../../Package.swift", "/css/%2e%2e/%2e%2e/Package.swift", "/js/%67ate.js"] {
                let escape = try await app.testable().sendRequest(.GET, path)
                XCTAssertEqual(escape.status, .notFound, path)
            }
            let health = try await app.testable().sendRequest(.GET, "/healthz")
            XCTAssertEqual(health.status, .ok, "routes outside the folder's names answer as before")
        }
    }

    func testTheFirstSegmentIsReadFromTheTargetAsSent() {
        XCTAssertEqual(PublicFilesMiddleware.firstSegment(of: "/css/app.css?v=2"), "css")
        XCTAssertEqual(PublicFilesMiddleware.firstSegment(of: "/js"), "js")
        XCTAssertEqual(PublicFilesMiddleware.firstSegment(of: "/favicon.ico?x"), "favicon.ico")
        XCTAssertEqual(PublicFilesMiddleware.firstSegment(of: "/api/v1/passages"), "api")
        XCTAssertNil(PublicFilesMiddleware.firstSegment(of: "/"))
        XCTAssertNil(PublicFilesMiddleware.firstSegment(of: "/?x=1"))
        XCTAssertNil(PublicFilesMiddleware.firstSegment(of: "http://host/css/app.css"))
        XCTAssertTrue(PublicFilesMiddleware.isPlain("/css/app.css?v=2"))
        XCTAssertFalse(PublicFilesMiddleware.isPlain("/css/../x"))
        XCTAssertFalse(PublicFilesMiddleware.isPlain("/css/%2E%2E/x"))
        let names = PublicFilesMiddleware(publicDirectory: ResourceLocator.publicFiles).names
        XCTAssertEqual(names, ["css", "js", "vendor"])
    }
}
