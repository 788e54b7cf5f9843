import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import XCTVapor

final class ReturneeMonitorTests: XCTestCase {
    func testDailyCheckInsMissedDaysShowFirst() async throws {
        let clock = FixedWallClock(TestApp.today)
        try await TestApp.run(clock: clock) { app in
            let w = try await world(app)
            let web = WebClient(app)
            let code = w.g.f.gateA.registrationCode!
            try await web.get("/r/\(code)/returnee")
            let filed = try await web.post("/r/\(code)/returnee", [
                "name": "钱九", "phone": "13400004444", "idNumber": "412821197910110010", "building": "9", "room": "1",
                "origin": "420106", "arrivalDate": "2026-11-22", "transport": "car", "transportNumber": "豫A12345", "symptoms[]": "none"])
            XCTAssertEqual(filed.status, .seeOther, filed.body.string)
            let report = try await ReturneeReport.query(on: app.db).first()!
            let office = WebClient(app)
            try await office.login("admin.a")
            let cid = w.g.f.communityA.id!.uuidString
            let path = "/admin/communities/\(cid)/returnees"
            let awaited1 = try await office.get(path).body.string.contains("check-in-form\"")
            XCTAssertFalse(awaited1, "the arrival report is the first day's")

            clock.advance(by: 3 * 86_400) // 11-25: 11-23 and 11-24 were missed
            var page = try await office.get(path).body.string
            XCTAssertTrue(page.contains("data-missed=\"2\""), page)
            let awaited2 = try await office.get("/admin/communities/\(cid)").body.string.contains("id=\"returnees-missed\"")
            XCTAssertTrue(awaited2)
            let post = "/admin/returnee-reports/\(report.id!.uuidString)/check-ins"
            let bad = try await office.post(post, ["temperature": "29", "symptoms[]": "none"])
            XCTAssertEqual(bad.status, .unprocessableEntity)
            let good = try await office.post(post, ["temperature": "36.6", "symptoms[]": "none", "note": "电话随访"])
            XCTAssertEqual(good.status, .seeOther, good.body.string)
            let awaited3 = try await office.post(post, ["temperature": "36.6", "symptoms[]": "none"]).status
            XCTAssertEqual(awaited3, .conflict)
            page = try await office.get(path).body.string
            XCTAssertTrue(page.contains("今日已登记"))
            let check = try await ReturneeCheckIn.query(on: app.db).first()
            XCTAssertEqual(check?.temperatureTenths, 366)
            XCTAssertEqual(check?.day, "2026-11-25")
            let other = WebClient(app)
            try await other.login("admin.b")
            let awaited4 = try await other.get(path).status
            XCTAssertEqual(awaited4, .notFound)
        }
    }
}
