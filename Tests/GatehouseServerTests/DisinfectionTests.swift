import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import XCTVapor

final class DisinfectionTests: XCTestCase {
    func testSchedulesLogsAndOverdueWhereStaffLook() async throws {
        let clock = FixedWallClock(TestApp.today)
        try await TestApp.run(clock: clock) { app in
            let w = try await world(app)
            let office = WebClient(app)
            try await office.login("admin.a")
            let cid = w.g.f.communityA.id!.uuidString
            let path = "/admin/communities/\(cid)/disinfection"
            try await office.get(path)
            let bad = try await office.post("/admin/communities/\(cid)/disinfection-schedules", ["name": "", "place": "x", "intervalMinutes": "5"])
            XCTAssertEqual(bad.status, .unprocessableEntity)
            for text in ["请填写消毒地点", "请选择消毒对象", "间隔应为10分钟"] { XCTAssertTrue(bad.body.string.contains(text), text) }
            let added = try await office.post("/admin/communities/\(cid)/disinfection-schedules",
                                              ["name": "北门台面", "place": "gateSurfaces", "checkpointId": w.g.f.gateA.id!.uuidString,
                                               "intervalMinutes": "240"])
            XCTAssertEqual(added.status, .seeOther)
            let schedule = try await DisinfectionSchedule.query(on: app.db).first()!

            // Due at once: the community page and the gate screen both say so.
            clock.advance(by: 60)
            let awaited1 = try await office.get("/admin/communities/\(cid)").body.string.contains("id=\"disinfection-overdue\"")
            XCTAssertTrue(awaited1)
            let guardWeb = WebClient(app)
            try await guardWeb.login("guard.a")
            try await ShiftCheck(userID: try await User.query(on: app.db).filter(\.$username == "guard.a").first()!.id!,
                                 checkpointID: w.g.f.gateA.id!, day: app.gatehouse.today.description, at: clock.now()).create(on: app.db)
            let awaited2 = try await guardWeb.get("/gate").body.string.contains("id=\"disinfection-overdue\"")
            XCTAssertTrue(awaited2)

            try await guardWeb.get("/gate/disinfection")
            let noAgent = try await guardWeb.post("/disinfection/\(schedule.id!.uuidString)/log", ["agent": ""])
            XCTAssertEqual(noAgent.status, .unprocessableEntity)
            XCTAssertTrue(noAgent.body.string.contains("请填写消毒剂"))
            let logged = try await guardWeb.post("/disinfection/\(schedule.id!.uuidString)/log", ["agent": "84消毒液 1:100", "note": "台面、栏杆"])
            XCTAssertEqual(logged.headers.first(name: .location), "/gate/disinfection")
            let awaited3 = try await guardWeb.get("/gate").body.string.contains("id=\"disinfection-overdue\"")
            XCTAssertFalse(awaited3)
            let page = try await office.get(path).body.string
            XCTAssertTrue(page.contains("84消毒液 1:100") && page.contains("吴保安") && !page.contains("guard.a"))

            // Four hours later it is due again.
            clock.advance(by: 4 * 3600 + 60)
            let awaited4 = try await office.get("/admin/communities/\(cid)").body.string.contains("id=\"disinfection-overdue\"")
            XCTAssertTrue(awaited4)
            // Another gate's operator may not log it; another community's admin sees nothing.
            let guardB = WebClient(app)
            try await guardB.login("guard.b")
            try await guardB.get("/login")
            let awaited5 = try await guardB.post("/disinfection/\(schedule.id!.uuidString)/log", ["agent": "酒精"]).status
            XCTAssertEqual(awaited5, .notFound)
            let other = WebClient(app)
            try await other.login("admin.b")
            let awaited6 = try await other.get(path).status
            XCTAssertEqual(awaited6, .notFound)
            let awaited7 = try await DisinfectionLog.query(on: app.db).count()
            XCTAssertEqual(awaited7, 1)
        }
    }

    /// The office changes a schedule (name, gate, interval; what it disinfects stays) and ends it: an ended schedule
    /// leaves the lists and the overdue counts and takes no more entries; an observation room with someone inside
    /// cannot be ended; another community's office cannot touch it.
    func testTheOfficeChangesAndEndsASchedule() async throws {
        let clock = FixedWallClock(TestApp.today)
        try await TestApp.run(clock: clock) { app in
            let w = try await world(app)
            let office = WebClient(app)
            try await office.login("admin.a")
            let cid = w.g.f.communityA.id!.uuidString
            try await office.get("/admin/communities/\(cid)/disinfection")
            _ = try await office.post("/admin/communities/\(cid)/disinfection-schedules",
                                      ["name": "北门台面", "place": "gateSurfaces", "intervalMinutes": "240"])
            let schedule = try await DisinfectionSchedule.query(on: app.db).first()!
            let path = "/admin/disinfection-schedules/\(schedule.id!.uuidString)"
            let bad = try await office.post(path, ["name": "北门台面", "intervalMinutes": "5"])
            XCTAssertEqual(bad.status, .unprocessableEntity)
            XCTAssertTrue(bad.body.string.contains("间隔应为10分钟"))
            let changed = try await office.post(path, ["name": "北门台面和栏杆", "place": "observationRoom", "intervalMinutes": "120",
                                                       "checkpointId": w.g.f.gateA.id!.uuidString])
            XCTAssertEqual(changed.status, .seeOther, changed.body.string)
            let stored = try await DisinfectionSchedule.find(schedule.id, on: app.db)!
            XCTAssertEqual(stored.name, "北门台面和栏杆")
            XCTAssertEqual(stored.intervalMinutes, 120)
            XCTAssertEqual(stored.checkpointID, w.g.f.gateA.id)
            XCTAssertEqual(stored.place, "gateSurfaces", "what is disinfected stays")

            let other = WebClient(app)
            try await other.login("admin.b")
            try await other.get("/admin/communities/\(w.g.f.communityB.id!.uuidString)/disinfection")
            let foreign = try await other.post(path + "/end", [:])
            XCTAssertEqual(foreign.status, .notFound)

            clock.advance(by: 600)
            let before = try await DisinfectionService(services: app.gatehouse, db: app.db).overdueCount(community: w.g.f.communityA.id!)
            XCTAssertEqual(before, 1)
            try await office.get("/admin/communities/\(cid)/disinfection")
            let ended = try await office.post(path + "/end", [:])
            XCTAssertEqual(ended.status, .seeOther)
            let page = try await office.get("/admin/communities/\(cid)/disinfection").body.string
            XCTAssertFalse(page.contains("data-schedule=\"\(schedule.id!.uuidString)\""), "no longer listed")
            let after = try await DisinfectionService(services: app.gatehouse, db: app.db).overdueCount(community: w.g.f.communityA.id!)
            XCTAssertEqual(after, 0)
            let guardWeb = WebClient(app)
            try await guardWeb.login("guard.a")
            try await guardWeb.get("/gate/disinfection")
            let late = try await guardWeb.post("/disinfection/\(schedule.id!.uuidString)/log", ["agent": "84消毒液 1:100"])
            XCTAssertEqual(late.status, .notFound)

            // An observation room with a person inside cannot end.
            let room = DisinfectionSchedule()
            room.communityID = w.g.f.communityA.id!
            room.name = "留观室一"
            room.place = "observationRoom"
            room.intervalMinutes = 1440
            room.createdAt = clock.now()
            room.createdBy = (try await User.query(on: app.db).filter(\.$username == "admin.a").first()!).id!
            try await room.create(on: app.db)
            let c = FeverCase()
            c.communityID = room.communityID
            c.status = "inObservation"
            c.roomScheduleID = room.id
            c.temperatureTenths = 381
            c.openedAt = clock.now()
            c.openedBy = room.createdBy
            try await c.create(on: app.db)
            try await office.get("/admin/communities/\(cid)/disinfection")
            let refused = try await office.post("/admin/disinfection-schedules/\(room.id!.uuidString)/end", [:])
            XCTAssertEqual(refused.status, .conflict)
            XCTAssertTrue(refused.body.string.contains("正在留观，不能停止"), refused.body.string)
        }
    }
}
