import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import VaporTesting
import XCTVapor

final class TracingTests: XCTestCase {
    func testHealthStaffTraceContactsWithAReasonAndEveryTraceIsAudited() async throws {
        let clock = FixedWallClock(TestApp.today + 2 * 3600) // 10:00 China
        try await TestApp.run(clock: clock) { app in
            let g = try await GateFixture.make(app)
            try await g.f.account(app, "health.a", .health, subdistrict: g.f.subA)
            try await g.f.account(app, "admin.a", .communityAdmin, community: g.f.communityA)
            _ = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(36.5, id: "110105199003150025", register: true))
            clock.advance(by: 5 * 60)
            _ = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(36.6, id: "412821197910110010", register: true))
            clock.advance(by: 55 * 60)
            _ = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(36.7, id: "412821199208170450", register: true))

            let health = WebClient(app)
            try await health.login("health.a")
            try await health.get("/health/tracing")
            let noReason = try await health.post("/health/tracing", ["idNumber": "110105199003150025", "days": "7", "windowMinutes": "15"])
            XCTAssertEqual(noReason.status, .unprocessableEntity)
            XCTAssertTrue(noReason.body.string.contains("请写明流调事由"))
            let unknown = try await health.post("/health/tracing", ["idNumber": "110105198704120318", "days": "7", "windowMinutes": "15",
                                                                    "reason": "确诊病例密接排查"])
            XCTAssertTrue(unknown.body.string.contains("辖区内没有此人的通行记录"))
            let page = try await health.post("/health/tracing", ["idNumber": "110105199003150025", "days": "7", "windowMinutes": "15",
                                                                 "reason": "确诊病例密接排查"])
            XCTAssertEqual(page.status, .ok, page.body.string)
            XCTAssertTrue(page.body.string.contains("可能接触者 (1)"), page.body.string)

            let api = try await APIClient.signedIn(app, "health.a")
            let trace = try await api.send(.POST, "/api/v1/contact-traces",
                                           json: ["idNumber": "110105199003150025", "days": 7, "windowMinutes": 15, "reason": "确诊病例密接排查"]).json()
            let contacts = trace["contacts"] as? [[String: Any]] ?? []
            XCTAssertEqual(contacts.count, 1)
            XCTAssertEqual(contacts.first?["minutesApart"] as? Int, 5)
            XCTAssertEqual((trace["passages"] as? [Any])?.count, 1)
            let wide = try await api.send(.POST, "/api/v1/contact-traces",
                                          json: ["idNumber": "110105199003150025", "days": 7, "windowMinutes": 60, "reason": "确诊病例密接排查"]).json()
            XCTAssertEqual((wide["contacts"] as? [Any])?.count, 2, "a wider window finds the later one too")

            try await health.get("/health/tracing")
            let file = try await health.post("/health/tracing/export", ["idNumber": "110105199003150025", "days": "7", "windowMinutes": "15",
                                                                        "reason": "确诊病例密接排查", "format": "csv"])
            XCTAssertEqual(file.status, .ok)
            XCTAssertTrue(file.body.string.hasPrefix("\u{FEFF}类别"))
            XCTAssertTrue(file.body.string.contains("可能接触者"))

            let audits = try await AuditEvent.query(on: app.db).sort(\.$at).all()
            XCTAssertEqual(audits.map(\.action), ["contactTrace", "contactTrace", "contactTrace", "exportContactTrace"])
            XCTAssertTrue(audits.allSatisfy { $0.reason == "确诊病例密接排查" })
            XCTAssertFalse(audits.contains { $0.detail.contains("110105") || ($0.target ?? "").contains("110105") })

            // Only health staff.
            let admin = WebClient(app)
            try await admin.login("admin.a")
            let awaited1 = try await admin.get("/health/tracing").status
            XCTAssertEqual(awaited1, .forbidden)
            let awaited2 = try await APIClient.signedIn(app, "admin.a").send(.POST, "/api/v1/contact-traces",
                json: ["idNumber": "110105199003150025", "reason": "确诊病例密接排查"]).status
            XCTAssertEqual(awaited2, .forbidden)
            let count = try await AuditEvent.query(on: app.db).count()
            XCTAssertEqual(count, 4)
        }
    }
}
