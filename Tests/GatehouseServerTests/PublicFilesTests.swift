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
        XCTAssertEqual(names, ["css", "icons", "js", "sw.js", "vendor"])
    }

    /// The gate installs as an app (a manifest with a Chinese name and icons) and opens offline (its service worker,
    /// at the root so that its scope is the whole site, and given its addresses by the page).
    func testTheManifestItsIconsAndTheServiceWorkerAreServed() async throws {
        try await TestApp.run { app in
            let worker = try await app.testable().sendRequest(.GET, "/sw.js?v=1&gate=/gate&login=/login&logout=/logout")
            XCTAssertEqual(worker.status, .ok)
            XCTAssertEqual(worker.headers.contentType?.subType, "javascript")
            XCTAssertTrue(worker.body.string.contains("caches.open"))
            let manifest = try await app.testable().sendRequest(.GET, "/manifest.json")
            XCTAssertEqual(manifest.status, .ok)
            let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(manifest.body.readableBytesView)) as? [String: Any])
            XCTAssertEqual(json["short_name"] as? String, "门岗")
            XCTAssertEqual(json["start_url"] as? String, SiteURL.gate(.scan).path)
            let icons = try XCTUnwrap(json["icons"] as? [[String: Any]])
            XCTAssertEqual(icons.compactMap { $0["sizes"] as? String }, ["192x192", "512x512"])
            for icon in icons {
                let image = try await app.testable().sendRequest(.GET, icon["src"] as! String)
                XCTAssertEqual(image.status, .ok)
                XCTAssertEqual(Array(image.body.readableBytesView.prefix(4)), [0x89, 0x50, 0x4E, 0x47], "a PNG")
            }
        }
    }
}
