import Foundation
@testable import GatehouseServer
import XCTVapor

final class MetricsTests: XCTestCase {
    func testMetricsCountPassagesByDecisionTimeRoutesByPatternAndHoldNoPersonalData() async throws {
        try await TestApp.run { app in
            let g = try await GateFixture.make(app)
            let passage = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(36.5)).json()
            _ = try await g.guardA.send(.GET, "/api/v1/passages/\(passage["id"] as! String)")
            // The same route again (its series counts on), refused (another series), and a path no route has.
            let second = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(36.6))
            XCTAssertEqual(second.status, .created)
            let refused = try await g.guardA.send(.POST, "/api/v1/passages", json: ["checkpointId": "x"])
            XCTAssertEqual(refused.status, .unprocessableEntity)
            _ = try await g.guardA.send(.GET, "/api/v1/nothing-here")
            let text = try await app.testable().sendRequest(.GET, "/metrics")
            XCTAssertEqual(text.status, .ok)
            XCTAssertEqual(text.headers.contentType?.subType, "plain")
            let body = text.body.string
            XCTAssertTrue(body.contains("gatehouse_passages_total{decision=\"\(passage["decision"] as! String)\"} 2"), body)
            XCTAssertTrue(body.contains("gatehouse_http_request_duration_seconds_count{route=\"api/v1/passages\",method=\"POST\",status=\"2xx\"} 2"), body)
            XCTAssertTrue(body.contains("gatehouse_http_request_duration_seconds_count{route=\"api/v1/passages\",method=\"POST\",status=\"4xx\"} 1"), body)
            XCTAssertTrue(body.contains("gatehouse_http_request_duration_seconds_count{route=\"unmatched\",method=\"GET\",status=\"4xx\"} 1"), body)
            XCTAssertTrue(body.contains("route=\"api/v1/passages/:passageID\""), "routes by pattern, not by id")
            XCTAssertFalse(body.contains(passage["id"] as! String))
            XCTAssertFalse(body.contains(GateFixture.idNumber))
            if app.gatehouse.configuration.database.kindName == "sqlite" {
                XCTAssertTrue(body.contains("gatehouse_group_commit_batch_size_passages_count 2"), body)
            }
        }
    }
}
