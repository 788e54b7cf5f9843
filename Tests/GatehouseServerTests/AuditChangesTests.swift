import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import XCTVapor

final class AuditChangesTests: XCTestCase {
    func testEveryChangeIsLoggedByRouteAndTheGatesRecordsAreNotRepeated() async throws {
        try await TestApp.run { app in
            let g = try await GateFixture.make(app)
            try await g.registered(app, GateFixture.idNumber)
            try await g.f.account(app, "admin.a", .communityAdmin, community: g.f.communityA)
            let web = WebClient(app)
            try await web.login("admin.a")
            let cid = g.f.communityA.id!.uuidString
            try await web.get("/admin/communities/\(cid)")
            let made = try await web.post("/admin/communities/\(cid)/checkpoints", ["name": "东门"])
            XCTAssertLessThan(made.status.code, 400)
            let refused = try await web.post("/admin/communities/\(cid)/checkpoints", ["name": "东门"])
            XCTAssertEqual(refused.status, .conflict)
            _ = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(36.5))

            let events = try await AuditEvent.query(on: app.db).all()
            XCTAssertEqual(events.count, 1, "one change; the refused one and the passage are not logged here")
            XCTAssertEqual(events.first?.action, "change")
            XCTAssertEqual(events.first?.detail.hasPrefix("POST /admin/communities/:communityID/checkpoints → "), true, events.first?.detail ?? "")
            XCTAssertEqual(events.first?.target, "communityID=\(cid)")
            XCTAssertEqual(events.first?.communityID, g.f.communityA.id)
            XCTAssertFalse(events.contains { $0.detail.contains("东门") }, "never the submitted data")
            let log = try await web.get("/admin/communities/\(cid)/supervision").body.string
            XCTAssertTrue(log.contains("data-action=\"change\""))
        }
    }
}
