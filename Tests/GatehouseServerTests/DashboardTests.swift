import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import XCTVapor

final class DashboardTests: XCTestCase {
    func testTheDashboardCountsTodaysTrafficAndWhatIsOpen() async throws {
        let clock = FixedWallClock(TestApp.today + 2 * 3600) // 10:00 China
        try await TestApp.run(clock: clock) { app in
            let w = try await world(app)
            let passes = try await householdPasses(app, w)
            try await w.g.registered(app, "412821197910110010")
            try await w.g.registered(app, "110105198704120318", community: w.g.f.communityB)
            let code = try await w.admin.send(.GET, "/api/v1/passes/\(passes["8栋1单元101室"]!)").json()["shortCode"] as! String
            func pass(_ direction: String) async throws -> [String: Any] {
                var body = w.g.body(36.5, id: nil, direction: direction)
                body["passCode"] = code
                return try await w.g.guardA.send(.POST, "/api/v1/passages", json: body).json()
            }
            _ = try await pass("out")                                          // 10:00 a member goes out
            clock.advance(by: 3600)
            _ = try await pass("in")                                           // 11:00 and comes back
            _ = try await w.g.guardA.send(.POST, "/api/v1/passages", json: w.g.body(36.6, id: "110105199003150025", direction: "out"))
            _ = try await w.g.guardA.send(.POST, "/api/v1/passages", json: w.g.body(36.4, id: "412821197910110010"))
            _ = try await w.g.guardA.send(.POST, "/api/v1/passages", json: w.g.body(36.4, id: "412821199208170450", mask: false))
            // Someone from the other community is not counted here.
            _ = try await w.g.guardB.send(.POST, "/api/v1/passages", json: w.g.body(36.5, id: "110105198704120318", gate: w.g.f.gateB))

            let cid = w.g.f.communityA.id!.uuidString
            let f = try await w.admin.send(.GET, "/api/v1/communities/\(cid)/dashboard").json()
            XCTAssertEqual(f["entriesToday"] as? Int, 2)
            XCTAssertEqual(f["exitsToday"] as? Int, 2)
            XCTAssertEqual(f["refusedToday"] as? Int, 1, "no mask")
            XCTAssertEqual(f["residents"] as? Int, 3)
            // 3 residents; 李四 went out (−1); the household pass came back in (a member: no change);
            // 412821197910110010 registered at the gate and came in (+1).
            XCTAssertEqual(f["estimatedInside"] as? Int, 3)
            let hours = f["entriesByHour"] as? [Int] ?? []
            XCTAssertEqual(hours[11], 2)
            XCTAssertEqual((f["exitsByHour"] as? [Int] ?? [])[10], 1)

            let web = WebClient(app)
            try await web.login("admin.a")
            let page = try await web.get("/admin/communities/\(cid)/dashboard").body.string
            XCTAssertTrue(page.contains("<svg"), "the chart is drawn on the server")
            XCTAssertTrue(page.contains("data-figure=\"entriesToday\"><b>2</b>"), page)
            let fragment = try await web.get("/admin/communities/\(cid)/dashboard?fragment=1").body.string
            XCTAssertFalse(fragment.contains("<html"))
            XCTAssertTrue(fragment.contains("id=\"dashboard-figures\""))

            // The district's roll-up lists both communities with a total.
            try await w.g.f.account(app, "district.a", .districtAdmin, district: try await District.find(w.g.f.districtA.id, on: app.db))
            let district = WebClient(app)
            try await district.login("district.a")
            let rollup = try await district.get("/admin/rollup").body.string
            XCTAssertTrue(rollup.contains("id=\"rollup-total\""))
            let rows = try await APIClient.signedIn(app, "district.a").send(.GET, "/api/v1/rollup").jsonArray()
            XCTAssertEqual(rows.reduce(0) { $0 + ($1["entriesToday"] as? Int ?? 0) }, 3)

            // Scope: another community's admin sees nothing; gate staff have no dashboard.
            let awaited1 = try await w.adminB.send(.GET, "/api/v1/communities/\(cid)/dashboard").status
            XCTAssertEqual(awaited1, .notFound)
            let awaited2 = try await w.g.guardA.send(.GET, "/api/v1/communities/\(cid)/dashboard").status
            XCTAssertEqual(awaited2, .forbidden)
            let awaited3 = try await w.admin.send(.GET, "/api/v1/rollup").status
            XCTAssertEqual(awaited3, .forbidden)
        }
    }
}
