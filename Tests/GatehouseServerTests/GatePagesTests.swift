import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import XCTVapor

final class GatePagesTests: XCTestCase {
    func testOperatorLandsOnTheGateScreenAndSeesTheSeedList() async throws {
        try await TestApp.run { app in
            let g = try await GateFixture.make(app)
            try await g.registered(app, GateFixture.idNumber)
            var body = g.body(36.6)
            body["name"] = "李云"
            body["phone"] = "13800008058"
            _ = try await g.guardA.send(.POST, "/api/v1/passages", json: body)
            let web = WebClient(app)
            do { let value = try await web.login("guard.a").location; XCTAssertEqual(value, "/gate") }
            // The gate screen opens only after the start-of-shift check, item by item.
            let first = try await web.get("/gate")
            XCTAssertEqual(first.headers.first(name: .location), "/gate/shift-check")
            try await web.get("/gate/shift-check")
            let partial = try await web.post("/gate/shift-check", ["items[]": "gloves"])
            XCTAssertEqual(partial.status, .unprocessableEntity)
            XCTAssertTrue(partial.body.string.contains("体温计已校验"), partial.body.string)
            let items = ShiftCheckItem.allCases.map { "items[]=\($0.rawValue)" }.joined(separator: "&")
            var headers = HTTPHeaders()
            headers.contentType = .urlEncodedForm
            headers.replaceOrAdd(name: .cookie, value: web.cookieHeader)
            let done = try await app.testable().sendRequest(.POST, "/gate/shift-check", headers: headers,
                                                           body: ByteBuffer(string: items + "&_csrf=" + (web.csrf ?? "")))
            XCTAssertEqual(done.headers.first(name: .location), "/gate")
            let awaited1 = try await ShiftCheck.query(on: app.db).count()
            XCTAssertEqual(awaited1, 1)
            let gate = try await web.get("/gate")
            XCTAssertEqual(gate.status, .ok)
            let html = gate.body.string
            XCTAssertTrue(html.contains("幸福北门"))
            XCTAssertTrue(html.contains("非公务私自采集居民身份证信息属违法行为"))
            for column in ["用户姓名", "进/出", "时间", "结果", "体温", "登记人"] { XCTAssertTrue(html.contains(column), column) }
            XCTAssertTrue(html.contains("李*"))
            XCTAssertTrue(html.contains("138****8058"))
            XCTAssertTrue(html.contains("11-22 08:00:00"), "times in China Standard Time, without this year's year")
            XCTAssertTrue(html.contains("放行"))
            XCTAssertFalse(html.contains("李云"))
            XCTAssertFalse(html.contains("13800008058"))

            let records = try await web.get("/records")
            XCTAssertTrue(records.body.string.contains("李*"))
            let passage = try await Passage.query(on: app.db).first()!
            let detail = try await web.get("/records/\(passage.id!.uuidString)")
            XCTAssertEqual(detail.status, .ok)
            XCTAssertTrue(detail.body.string.contains("guard.a"), "the record names who made it")
            XCTAssertTrue(detail.body.string.contains("36.6℃"))
        }
    }

    func testAbnormalFilterAndScopedDetails() async throws {
        let clock = FixedWallClock(TestApp.today)
        try await TestApp.run(clock: clock) { app in
            let g = try await GateFixture.make(app)
            try await g.registered(app, GateFixture.idNumber)
            _ = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(36.5))
            clock.advance(by: 10)
            _ = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(38.1))
            let web = WebClient(app)
            _ = try await web.login("guard.a")
            let abnormal = try await web.get("/records?status=abnormal").body.string
            XCTAssertEqual(abnormal.components(separatedBy: "<tr class=\"abnormal d-").count - 1, 1)
            XCTAssertTrue(abnormal.contains("待复测"))
            let other = WebClient(app)
            _ = try await other.login("guard.b")
            let passage = try await Passage.query(on: app.db).first()!
            do { let value = try await other.get("/records/\(passage.id!.uuidString)").status; XCTAssertEqual(value, .notFound) }
            do { let value = try await other.get("/records").body.string.contains("田"); XCTAssertFalse(value) }
            do { let value = try await other.get("/live/checkpoints/\(g.f.gateA.id!.uuidString)").status; XCTAssertEqual(value, .notFound) }
        }
    }

    func testAdminSeesPendingFeverCasesAndSetsTheRule() async throws {
        let clock = FixedWallClock(TestApp.today)
        try await TestApp.run(clock: clock) { app in
            let g = try await GateFixture.make(app)
            try await g.registered(app, GateFixture.idNumber)
            let first = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(38.0)).json()
            clock.advance(by: 301)
            _ = try await g.guardA.send(.POST, "/api/v1/passages/\(first["id"] as! String)/remeasure", json: ["temperature": 38.2])
            try await g.f.account(app, "admin.a", .communityAdmin, community: g.f.communityA)
            let web = WebClient(app)
            _ = try await web.login("admin.a")
            let page = "/admin/communities/\(g.f.communityA.id!.uuidString)"
            let html = try await web.get(page).body.string
            XCTAssertTrue(html.contains("id=\"fever-cases\""))
            XCTAssertTrue(html.contains("38.2"))
            do { let value = try await web.post(page + "/settings", ["threshold": "37.5", "restMinutes": "10"]).status; XCTAssertEqual(value, .seeOther) }
            let c = try await Community.find(g.f.communityA.id, on: app.db)!
            XCTAssertEqual(c.feverThresholdTenths, 375)
            XCTAssertEqual(c.remeasureRestSeconds, 600)
            try await web.get(page)
            let bad = try await web.post(page + "/settings", ["threshold": "39", "restMinutes": "10"])
            XCTAssertEqual(bad.status, .unprocessableEntity)
            XCTAssertTrue(bad.body.string.contains("37.0至38.0"))
        }
    }
}
