import Foundation
@testable import GatehouseServer
import XCTVapor

final class MetricsTests: XCTestCase {
    func testMetricsCountPassagesByDecisionTimeRoutesByPatternAndHoldNoPersonalData() async throws {
        try await TestApp.run { app in
            let g = try await GateFixture.make(app)
            let passage = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(36.5)).json()
            _ = try await g.guardA.send(.GET, "/api/v1/passages/\(passage["id"] as! String)")
            let text = try await app.testing().sendRequest(.GET, "/metrics")
            XCTAssertEqual(text.status, .ok)
            XCTAssertEqual(text.headers.contentType?.subType, "plain")
            let body = text.body.string
            XCTAssertTrue(body.contains("gatehouse_passages_total{decision=\"\(passage["decision"] as! String)\"} 1"), body)
            XCTAssertTrue(body.contains("gatehouse_http_request_duration_seconds_count{route=\"api/v1/passages\",method=\"POST\",status=\"2xx\"} 1"), body)
            XCTAssertTrue(body.contains("route=\"api/v1/passages/:passageID\""), "routes by pattern, not by id")
            XCTAssertFalse(body.contains(passage["id"] as! String))
            XCTAssertFalse(body.contains(GateFixture.idNumber))
            if app.gatehouse.configuration.database.kindName == "sqlite" {
                XCTAssertTrue(body.contains("gatehouse_group_commit_batch_size_passages_count 1"), body)
            }
        }
    }
}
