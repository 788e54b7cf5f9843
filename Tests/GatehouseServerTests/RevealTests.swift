import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import XCTVapor

final class RevealTests: XCTestCase {
    func testFullDataOnlyAfterAReasonAndEveryRevealIsAudited() async throws {
        try await TestApp.run { app in
            let w = try await world(app)
            _ = try await householdPasses(app, w)
            let household = try await Household.query(on: app.db).filter(\.$label == "8栋1单元101室").first()!
            let hid = household.id!.uuidString
            let zhang = try await Resident.query(on: app.db).filter(\.$household.$id == household.id!).sort(\.$createdAt).first()!
            let path = "/admin/households/\(hid)/residents/\(zhang.id!.uuidString)/reveal"
            let office = WebClient(app)
            try await office.login("admin.a")
            let page = try await office.get("/admin/households/\(hid)").body.string
            XCTAssertFalse(page.contains("110105198001010016"), "lists mask")
            let noReason = try await office.post(path, ["reason": " "])
            XCTAssertEqual(noReason.status, .unprocessableEntity)
            XCTAssertTrue(noReason.body.string.contains("请写明查看完整信息的事由"))
            XCTAssertFalse(noReason.body.string.contains("110105198001010016"))
            try await office.get("/admin/households/\(hid)")
            let shown = try await office.post(path, ["reason": "核对租户身份"])
            XCTAssertEqual(shown.status, .ok)
            XCTAssertTrue(shown.body.string.contains("110105198001010016"))
            XCTAssertTrue(shown.body.string.contains("13812340001"))
            let audits = try await AuditEvent.query(on: app.db).filter(\.$action == "reveal").all()
            XCTAssertEqual(audits.count, 1)
            XCTAssertEqual(audits.first?.reason, "核对租户身份")
            XCTAssertFalse(audits.first?.detail.contains("110105") ?? true)
            let changes = try await AuditEvent.query(on: app.db).filter(\.$action == "change").all().filter { $0.detail.contains("reveal") }
            XCTAssertEqual(changes.count, 0, "logged once, as a reveal")

            let other = WebClient(app)
            try await other.login("admin.b")
            let awaited = try await other.post(path, ["reason": "核对租户身份"]).status
            XCTAssertTrue([.forbidden, .notFound].contains(awaited))
        }
    }

    func testHealthStaffSeeAFeverCasesPersonInFullAfterAReasonAndPropertyStaffNever() async throws {
        let clock = FixedWallClock(TestApp.today)
        try await TestApp.run(clock: clock) { app in
            let g = try await GateFixture.make(app)
            try await g.f.account(app, "health.a", .health, subdistrict: g.f.subA)
            try await g.f.account(app, "prop.a", .property, community: g.f.communityA)
            let first = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(38.0)).json()
            clock.advance(by: 301)
            _ = try await g.guardA.send(.POST, "/api/v1/passages/\(first["id"] as! String)/remeasure", json: ["temperature": 38.3])
            let fever = try await FeverCase.query(on: app.db).first()!
            let path = "/fever-cases/\(fever.id!.uuidString)"

            let property = WebClient(app)
            try await property.login("prop.a")
            do { let value = try await property.get(path).body.string.contains("id=\"case-reveal\""); XCTAssertFalse(value, "no reveal for the property company") }
            do { let value = try await property.post(path + "/reveal", ["reason": "联系转运车辆"]).status; XCTAssertEqual(value, .forbidden) }

            let health = WebClient(app)
            try await health.login("health.a")
            let page = try await health.get(path).body.string
            XCTAssertTrue(page.contains("id=\"case-reveal\""))
            XCTAssertFalse(page.contains(GateFixture.idNumber))
            let short = try await health.post(path + "/reveal", ["reason": "看"])
            XCTAssertEqual(short.status, .unprocessableEntity)
            XCTAssertFalse(short.body.string.contains(GateFixture.idNumber))
            try await health.get(path)
            let shown = try await health.post(path + "/reveal", ["reason": "联系转运车辆"])
            XCTAssertEqual(shown.status, .ok)
            XCTAssertTrue(shown.body.string.contains(GateFixture.idNumber))
            let audit = try await AuditEvent.query(on: app.db).filter(\.$action == "reveal").first()
            XCTAssertEqual(audit?.reason, "联系转运车辆")
            XCTAssertEqual(audit?.role, Role.health.rawValue)
            XCTAssertTrue(audit?.target?.contains(fever.personID!.uuidString) ?? false, "the person finds it in their data report")
        }
    }
}
