import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import XCTVapor

final class FeverCaseTests: XCTestCase {
    func testAFeverCaseGoesThroughTheRoomTheDecisionAndTheDisinfectionWithEveryStepRecorded() async throws {
        let clock = FixedWallClock(TestApp.today)
        try await TestApp.run(clock: clock) { app in
            let g = try await GateFixture.make(app)
            try await g.registered(app, GateFixture.idNumber)
            try await g.f.account(app, "admin.a", .communityAdmin, community: g.f.communityA)
            try await g.f.account(app, "prop.a", .property, community: g.f.communityA)
            try await g.f.account(app, "health.a", .health, subdistrict: g.f.subA)
            try await g.f.account(app, "admin.b", .communityAdmin, community: g.f.communityB)
            let healthFeed = await app.live.subscribe(.subdistrict(g.f.subA.id!), heartbeatSeconds: 3600)
            let communityFeed = await app.live.subscribe(.community(g.f.communityA.id!), heartbeatSeconds: 3600)

            // The gate: measured 38.0, re-measured 38.2 after the rest: the case opens at "confirmed".
            let first = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(38.0)).json()
            clock.advance(by: 301)
            _ = try await g.guardA.send(.POST, "/api/v1/passages/\(first["id"] as! String)/remeasure", json: ["temperature": 38.2])
            let fever = try await FeverCase.query(on: app.db).first()!
            XCTAssertEqual(fever.status, "confirmed")
            let gateSteps = FeverCaseDesk.inOrder(try await FeverCaseEvent.query(on: app.db).filter(\.$caseID == fever.id!).all())
            XCTAssertEqual(gateSteps.map(\.stage), ["measured", "remeasured", "confirmed"])
            XCTAssertEqual(gateSteps.map(\.temperatureTenths), [380, 382, nil])
            for await event in healthFeed.stream where event.type == "alert" { break } // health staff are told at once

            let path = "/fever-cases/\(fever.id!.uuidString)"
            let property = WebClient(app)
            try await property.login("prop.a")
            var page = try await property.get("/fever-cases").body.string
            XCTAssertTrue(page.contains(path), "the property company sees the case")
            page = try await property.get(path).body.string
            XCTAssertTrue(page.contains("data-stage=\"inObservation\""))
            let jump = try await property.post(path + "/steps", ["stage": "reported"])
            XCTAssertEqual(jump.status, .conflict, "steps go in order")
            let noRoom = try await property.post(path + "/steps", ["stage": "inObservation"])
            XCTAssertEqual(noRoom.status, .unprocessableEntity)
            XCTAssertTrue(noRoom.body.string.contains("请选择或填写留观室"))
            let room = try await property.post(path + "/steps", ["stage": "inObservation", "roomName": "北门留观室"])
            XCTAssertEqual(room.status, .seeOther, room.body.string)
            let schedule = try await DisinfectionSchedule.query(on: app.db).filter(\.$name == "北门留观室").first()!
            XCTAssertEqual(schedule.place, "observationRoom")
            for await event in communityFeed.stream where event.type == "fever-case" {
                XCTAssertTrue(event.json.contains("临时留观"))
                break
            }

            // Nobody reports it for 16 minutes: the step is late on the list and on the community page.
            clock.advance(by: 16 * 60)
            page = try await property.get("/fever-cases").body.string
            XCTAssertTrue(page.contains("data-late=\"true\""), page)
            XCTAssertTrue(page.contains("超时 1 分钟"), "late by the minute past the 15-minute limit, not by the 16 waited")
            let office = WebClient(app)
            try await office.login("admin.a")
            let awaited1 = try await office.get("/admin/communities/\(g.f.communityA.id!.uuidString)").body.string.contains("id=\"fever-late\"")
            XCTAssertTrue(awaited1)
            let reported = try await property.post(path + "/steps", ["stage": "reported", "note": "已电话报告街道卫生院"])
            XCTAssertEqual(reported.status, .seeOther)

            // The decision is the health department's.
            let notTheirs = try await property.post(path + "/steps", ["stage": "transferred", "subject": "市医院", "escort": "120"])
            XCTAssertEqual(notTheirs.status, .forbidden)
            let health = WebClient(app)
            try await health.login("health.a")
            page = try await health.get("/health").body.string
            XCTAssertTrue(page.contains("待卫健决定"), page)
            let stillHot = try await health.post(path + "/steps", ["stage": "released", "releaseReason": "normalAfterRemeasure", "temperature": "37.9"])
            XCTAssertEqual(stillHot.status, .unprocessableEntity)
            let noEscort = try await health.post(path + "/steps", ["stage": "transferred", "subject": "市人民医院发热门诊"])
            XCTAssertTrue(noEscort.body.string.contains("请填写转运方式或负责人"))
            let transferred = try await health.post(path + "/steps", ["stage": "transferred", "subject": "市人民医院发热门诊", "escort": "120救护车"])
            XCTAssertEqual(transferred.status, .seeOther, transferred.body.string)
            let due = try await DisinfectionService(services: app.gatehouse, db: app.db).overdueCount(community: g.f.communityA.id!)
            XCTAssertGreaterThanOrEqual(due, 1, "the room is due for disinfection after use")

            // The gate staff disinfect the room (the disinfection log has it) and the office closes the case.
            let disinfected = try await g.guardA.send(.POST, "/api/v1/fever-cases/\(fever.id!.uuidString)/steps",
                                                      json: ["stage": "disinfected", "subject": "84消毒液 1:100"])
            XCTAssertEqual(disinfected.status, .ok, disinfected.body.string)
            let log = try await DisinfectionLog.query(on: app.db).filter(\.$scheduleID == schedule.id!).first()
            XCTAssertEqual(log?.agent, "84消毒液 1:100")
            let roomDue = DisinfectionDue(intervalMinutes: schedule.intervalMinutes, createdAt: schedule.createdAt,
                                          lastDone: try await DisinfectionSchedule.find(schedule.id, on: app.db)?.lastDoneAt,
                                          lastUsed: try await DisinfectionSchedule.find(schedule.id, on: app.db)?.lastUsedAt, now: clock.now())
            XCTAssertFalse(roomDue.isOverdue)
            let closed = try await office.post(path + "/steps", ["stage": "closed"])
            XCTAssertEqual(closed.status, .seeOther)
            let stored = try await FeverCase.find(fever.id, on: app.db)!
            XCTAssertEqual(stored.status, "closed")
            XCTAssertNotNil(stored.closedAt)
            let history = FeverCaseDesk.inOrder(try await FeverCaseEvent.query(on: app.db).filter(\.$caseID == fever.id!).all())
            XCTAssertEqual(history.map(\.stage), ["measured", "remeasured", "confirmed", "inObservation", "reported", "transferred", "disinfected", "closed"])
            let api = try await g.guardA.send(.GET, "/api/v1/fever-cases/\(fever.id!.uuidString)").json()
            let logins = (api["events"] as? [[String: Any]] ?? []).compactMap { $0["byLogin"] as? String }
            XCTAssertEqual(logins, ["guard.a", "guard.a", "guard.a", "prop.a", "prop.a", "health.a", "guard.a", "admin.a"])
            let names = (api["events"] as? [[String: Any]] ?? []).compactMap { $0["by"] as? String }
            XCTAssertEqual(names.first, "吴保安", "a person's name, not a login")
            let again = try await office.post(path + "/steps", ["stage": "closed"])
            XCTAssertEqual(again.status, .conflict)

            let other = WebClient(app)
            try await other.login("admin.b")
            let awaited2 = try await other.get(path).status
            XCTAssertEqual(awaited2, .notFound)
        }
    }
}
