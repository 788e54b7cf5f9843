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

    /// A check-in of 37.6 °C with a cough is red, first on the board, counted on the health desk and the dashboard,
    /// and kept in the returnee's history beside what they reported on arrival.
    func testAFeverishCheckInIsRedAndCountedWhereHealthStaffLook() async throws {
        let clock = FixedWallClock(TestApp.today)
        try await TestApp.run(clock: clock) { app in
            let w = try await world(app)
            try await w.g.f.account(app, "health.a", .health, subdistrict: w.g.f.subA)
            let web = WebClient(app)
            let code = w.g.f.gateA.registrationCode!
            try await web.get("/r/\(code)/returnee")
            let filed = try await web.post("/r/\(code)/returnee", [
                "name": "钱九", "phone": "13400004444", "idNumber": "412821197910110010", "building": "9", "room": "1",
                "origin": "420106", "arrivalDate": "2026-11-22", "transport": "car", "transportNumber": "豫A12345", "symptoms[]": "none"])
            XCTAssertEqual(filed.status, .seeOther, filed.body.string)
            let report = try await ReturneeReport.query(on: app.db).first()!
            let health = WebClient(app)
            try await health.login("health.a")
            let cid = w.g.f.communityA.id!.uuidString
            let path = "/admin/communities/\(cid)/returnees"
            clock.advance(by: 86_400)
            let post = "/admin/returnee-reports/\(report.id!.uuidString)/check-ins"
            let sick = try await health.post(post, ["temperature": "37.6", "symptoms[]": "cough"])
            XCTAssertEqual(sick.status, .seeOther, sick.body.string)
            let page = try await health.get(path).body.string
            XCTAssertTrue(page.contains("data-unwell=\"true\""), page)
            XCTAssertTrue(page.contains("体温异常或有症状，请按发热处置"), "not a green 今日已登记")
            XCTAssertFalse(page.contains("badge open\">今日已登记"))
            XCTAssertTrue(page.contains("11-23 · 37.6℃ · 咳嗽"), "the history has the reading and the symptom")
            XCTAssertTrue(page.contains("抵达时报告的症状：无症状"))
            let desk = try await health.get("/health").body.string
            XCTAssertTrue(desk.contains("unwell-returnees"), desk)
            let office = try await APIClient.signedIn(app, "admin.a")
            let figures = try await office.send(.GET, "/api/v1/communities/\(cid)/dashboard").json()
            XCTAssertEqual(figures["unwellReturnees"] as? Int, 1)

            // The next day's check-in is normal: the board is green again, the history keeps the red day.
            clock.advance(by: 86_400)
            let well = try await health.post(post, ["temperature": "36.5", "symptoms[]": "none"])
            XCTAssertEqual(well.status, .seeOther)
            let after = try await health.get(path).body.string
            XCTAssertTrue(after.contains("data-unwell=\"false\"") && after.contains("data-unwell=\"true\""))
            let count = try await ReturneeMonitorBoard(services: app.gatehouse, db: app.db).counts(community: w.g.f.communityA.id!)
            XCTAssertEqual(count.unwell, 0)
        }
    }

    /// 转发热处置: the red check-in opens a fever case with its reading and symptoms, named after the returnee, on the
    /// health desk; it goes through the same steps as a case from the gate; pressing again leads to the same case;
    /// a well check-in opens none, another community's check-in is not found, and the purge keeps the check-in
    /// while the case lives.
    func testAFeverishCheckInBecomesAFeverCase() async throws {
        let clock = FixedWallClock(TestApp.today)
        try await TestApp.run(clock: clock) { app in
            let w = try await world(app)
            try await w.g.f.account(app, "health.a", .health, subdistrict: w.g.f.subA)
            let web = WebClient(app)
            let code = w.g.f.gateA.registrationCode!
            try await web.get("/r/\(code)/returnee")
            let filed = try await web.post("/r/\(code)/returnee", [
                "name": "钱九", "phone": "13400004444", "idNumber": "412821197910110010", "building": "9", "room": "1",
                "origin": "420106", "arrivalDate": "2026-11-22", "transport": "car", "transportNumber": "豫A12345", "symptoms[]": "none"])
            XCTAssertEqual(filed.status, .seeOther, filed.body.string)
            let report = try await ReturneeReport.query(on: app.db).first()!
            let health = WebClient(app)
            try await health.login("health.a")
            let cid = w.g.f.communityA.id!.uuidString
            let board = "/admin/communities/\(cid)/returnees"
            let post = "/admin/returnee-reports/\(report.id!.uuidString)/check-ins"
            clock.advance(by: 86_400)
            let well = try await health.post(post, ["temperature": "36.5", "symptoms[]": "none"])
            XCTAssertEqual(well.status, .seeOther)
            let wellCheck = try await ReturneeCheckIn.query(on: app.db).first()!
            let refused = try await health.post("/admin/returnee-check-ins/\(wellCheck.id!.uuidString)/fever-case", [:])
            XCTAssertEqual(refused.status, .conflict)
            XCTAssertTrue(refused.body.string.contains("无需发热处置"), refused.body.string)
            let wellPage = try await health.get(board).body.string
            XCTAssertFalse(wellPage.contains("to-fever-case"), "a green check-in offers no fever case")

            clock.advance(by: 86_400)
            let sick = try await health.post(post, ["temperature": "37.6", "symptoms[]": "cough", "note": "电话随访"])
            XCTAssertEqual(sick.status, .seeOther, sick.body.string)
            let check = try await ReturneeCheckIn.query(on: app.db).filter(\.$temperatureTenths == 376).first()!
            let page = try await health.get(board).body.string
            XCTAssertTrue(page.contains("/admin/returnee-check-ins/\(check.id!.uuidString)/fever-case"), page)
            let opened = try await health.post("/admin/returnee-check-ins/\(check.id!.uuidString)/fever-case", [:])
            XCTAssertEqual(opened.status, .seeOther, opened.body.string)
            let c = try await FeverCase.query(on: app.db).filter(\.$checkInID == check.id!).first()!
            XCTAssertNil(c.passageID)
            XCTAssertEqual(c.temperatureTenths, 376)
            XCTAssertEqual(c.status, "confirmed")
            XCTAssertEqual(opened.headers.first(name: .location), "/fever-cases/\(c.id!.uuidString)")
            let again = try await health.post("/admin/returnee-check-ins/\(check.id!.uuidString)/fever-case", [:])
            XCTAssertEqual(again.headers.first(name: .location), "/fever-cases/\(c.id!.uuidString)", "the same case, not a second")
            let cases = try await FeverCase.query(on: app.db).count()
            XCTAssertEqual(cases, 1)

            let casePage = try await health.get("/fever-cases/\(c.id!.uuidString)").body.string
            XCTAssertTrue(casePage.contains(report.nameMasked), casePage)
            XCTAssertTrue(casePage.contains("返乡人员健康监测"))
            XCTAssertTrue(casePage.contains("37.6℃ · 咳嗽"), "the first step has the check-in's reading and symptom")
            XCTAssertFalse(casePage.contains("/records/"), "no gate passage to link to")
            let desk = try await health.get("/health").body.string
            XCTAssertTrue(desk.contains(report.nameMasked), desk)
            let after = try await health.get(board).body.string
            XCTAssertTrue(after.contains("fever-case-opened") && !after.contains("to-fever-case"))

            // The same steps as a case from the gate: a room, the report, the health worker's release.
            for form in [["stage": "inObservation", "roomName": "留观室一"], ["stage": "reported"],
                         ["stage": "released", "releaseReason": "normalAfterRemeasure", "temperature": "36.6"]] {
                let step = try await health.post("/fever-cases/\(c.id!.uuidString)/steps", form)
                XCTAssertEqual(step.status, .seeOther, "\(form): \(step.body.string)")
            }

            let other = WebClient(app)
            try await other.login("admin.b")
            let foreign = try await other.post("/admin/returnee-check-ins/\(check.id!.uuidString)/fever-case", [:])
            XCTAssertEqual(foreign.status, .notFound)

            // Long after monitoring ended, the purge keeps the check-in (and its report) while the case is open.
            clock.advance(by: 60 * 86_400)
            _ = try await PersonalDataPurge(services: app.gatehouse, db: app.db).purgeExpired(w.g.f.communityA)
            let kept = try await ReturneeCheckIn.find(check.id, on: app.db)
            XCTAssertNotNil(kept)
            let gone = try await ReturneeCheckIn.find(wellCheck.id, on: app.db)
            XCTAssertNil(gone)
        }
    }
}
