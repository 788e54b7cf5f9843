import Foundation
@testable import GatehouseServer
import SQLKit
import XCTVapor

final class OpenAPITests: XCTestCase {
    /// Every `/api/v1` route (and `/healthz`, `/metrics`) must be described, with the right method; nothing described may be missing.
    func testEveryAPIRouteIsDescribed() async throws {
        try await TestApp.run { app in
            let response = try await app.testable().sendRequest(.GET, "/api/v1/openapi.json")
            XCTAssertEqual(response.status, .ok)
            XCTAssertEqual(response.headers.contentType, .json)
            let doc = try response.json()
            XCTAssertEqual(doc["openapi"] as? String, "3.1.0")
            let paths = try XCTUnwrap(doc["paths"] as? [String: [String: Any]])
            var described = Set<String>()
            for (path, ops) in paths {
                for method in ops.keys { described.insert("\(method.uppercased()) \(path)") }
            }
            var routed = Set<String>()
            for route in app.routes.all {
                let path = "/" + route.path.map { component -> String in
                    if case .parameter(let name) = component { return "{\(name)}" }
                    return component.description
                }.joined(separator: "/")
                guard path.hasPrefix("/api/v1") || path == "/healthz" || path == "/metrics" else { continue }
                routed.insert("\(route.method.rawValue) \(path)")
            }
            XCTAssertEqual(routed.subtracting(described), [], "routes missing from openapi.json")
            XCTAssertEqual(described.subtracting(routed), [], "openapi.json describes routes that do not exist")
        }
    }
}
