import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import SQLKit
import XCTVapor

final class RetentionTests: XCTestCase {
    private func count<M: Model>(_ type: M.Type, _ app: Application) async throws -> Int { try await M.query(on: app.db).count() }

    private func figures(_ app: Application, _ day: String) async throws -> DailyCount? {
        try await DailyCount.query(on: app.db).filter(\.$day == day).first()
    }

    func testPersonalDataOlderThanTheRetentionPeriodGoesWhileFiguresResidentsAndOpenCasesStay() async throws {
        let clock = FixedWallClock(TestApp.today)
        try await TestApp.run(clock: clock) { app in
            let w = try await world(app)
            let passes = try await householdPasses(app, w)
            let g = w.g
            // 2026-11-22: an unregistered visitor (refused), a household pass going out, and a fever that stays open.
            _ = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(36.5))
            let code = try await w.admin.send(.GET, "/api/v1/passes/\(passes["8栋1单元101室"]!)").json()["shortCode"] as! String
            var byPass = g.body(36.6, id: nil, direction: "out")
            byPass["passCode"] = code
            _ = try await g.guardA.send(.POST, "/api/v1/passages", json: byPass)
            let fever = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(38.4, id: GateFixture.otherID)).json()
            clock.advance(by: 301)
            _ = try await g.guardA.send(.POST, "/api/v1/passages/\(fever["id"] as! String)/remeasure", json: ["temperature": 38.5])
            do { let value = try await count(FeverCase.self, app); XCTAssertEqual(value, 1) }
            do { let value = try await count(Passage.self, app); XCTAssertEqual(value, 3) }
            do { let value = try await count(Person.self, app); XCTAssertEqual(value, 5, "three residents, the visitor and the fever case") }

            // 28 days later nothing is due yet: the retention period is 28 whole days after the day of recording.
            clock.advance(by: 28 * 86_400)
            let office = WebClient(app)
            try await office.login("admin.a")
            let privacy = "/admin/communities/\(g.f.communityA.id!.uuidString)/privacy"
            try await office.get(privacy)
            do { let value = try await office.post("/admin/communities/\(g.f.communityA.id!.uuidString)/purge", [:]).status; XCTAssertEqual(value, .seeOther) }
            do { let value = try await count(Passage.self, app); XCTAssertEqual(value, 3) }

            // The 29th day: the visitor and the pass passage go; the fever case (open) keeps its passage and person.
            clock.advance(by: 86_400)
            try await office.get(privacy)
            _ = try await office.post("/admin/communities/\(g.f.communityA.id!.uuidString)/purge", [:])
            do { let value = try await count(Passage.self, app); XCTAssertEqual(value, 1) }
            do { let value = try await count(FeverCase.self, app); XCTAssertEqual(value, 1) }
            do { let value = try await count(Person.self, app); XCTAssertEqual(value, 4, "the visitor is gone; residents and the open case stay") }
            do { let value = try await count(Resident.self, app); XCTAssertEqual(value, 3) }
            let visitorIndex = app.gatehouse.blindIndex.idNumber(try ResidentIDNumber(GateFixture.idNumber, today: CalendarDate(TestApp.today)))
            let visitor = try await Person.query(on: app.db).filter(\.$idNumberIndex == visitorIndex).first()
            XCTAssertNil(visitor)
            var day = try await figures(app, "2026-11-22")
            XCTAssertEqual([day?.entries, day?.exits, day?.refused, day?.abnormal], [0, 1, 1, 0])

            // Purging again counts nothing twice.
            _ = try await office.post("/admin/communities/\(g.f.communityA.id!.uuidString)/purge", [:])
            day = try await figures(app, "2026-11-22")
            XCTAssertEqual([day?.entries, day?.exits, day?.refused, day?.abnormal], [0, 1, 1, 0])

            // Once the case is closed, it goes with its passage and person; the day's figures take it in.
            let open = try await FeverCase.query(on: app.db).first()!
            open.status = FeverCaseStage.closed.rawValue
            open.closedAt = TestApp.today + 3600
            try await open.save(on: app.db)
            _ = try await office.post("/admin/communities/\(g.f.communityA.id!.uuidString)/purge", [:])
            do { let value = try await count(FeverCase.self, app); XCTAssertEqual(value, 0) }
            do { let value = try await count(FeverCaseEvent.self, app); XCTAssertEqual(value, 0) }
            do { let value = try await count(Passage.self, app); XCTAssertEqual(value, 0) }
            do { let value = try await count(Person.self, app); XCTAssertEqual(value, 3) }
            day = try await figures(app, "2026-11-22")
            XCTAssertEqual(day.map { $0.entries + $0.exits + $0.refused }, 3)
            XCTAssertEqual(day?.abnormal, 1)

            // The page shows the figures and the log, with counts only.
            let page = try await office.get(privacy).body.string
            XCTAssertTrue(page.contains("data-day=\"2026-11-22\""))
            XCTAssertTrue(page.contains("passages 2"), page)
            XCTAssertTrue(page.contains("admin.a"))
            XCTAssertFalse(page.contains("11010519491231002X"))
            let runs = try await PurgeRun.query(on: app.db).all()
            XCTAssertEqual(runs.count, 4)
            XCTAssertTrue(runs.allSatisfy { $0.kind == "retention" && $0.by != nil })

            // Community B's office can neither see nor purge community A.
            let other = WebClient(app)
            try await other.login("admin.b")
            do { let value = try await other.get(privacy).status; XCTAssertEqual(value, .notFound, "outside the scope is not found") }
        }
    }

    func testTheRetentionPeriodIsTheOfficesChoiceWithinLimits() async throws {
        try await TestApp.run { app in
            let w = try await world(app)
            let office = WebClient(app)
            try await office.login("admin.a")
            let cid = w.g.f.communityA.id!.uuidString
            try await office.get("/admin/communities/\(cid)/privacy")
            let bad = try await office.post("/admin/communities/\(cid)/retention", ["days": "3"])
            XCTAssertEqual(bad.status, .unprocessableEntity)
            XCTAssertTrue(bad.body.string.contains("保存期限应为7到365之间的整数天"))
            let ok = try await office.post("/admin/communities/\(cid)/retention", ["days": "14"])
            XCTAssertEqual(ok.status, .seeOther)
            do { let value = try await Community.find(w.g.f.communityA.id, on: app.db)?.retentionDays; XCTAssertEqual(value, 14) }
        }
    }

    func testStandDownPurgesAllOfTheCommunitysPersonalDataAfterConfirmationAndStopsItsGates() async throws {
        try await TestApp.run { app in
            let w = try await world(app)
            _ = try await householdPasses(app, w)
            let g = w.g
            _ = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(36.5))
            _ = try await g.guardB.send(.POST, "/api/v1/passages", json: g.body(36.5, gate: g.f.gateB))
            let household = try await Household.query(on: app.db).filter(\.$label == "8栋1单元101室").first()!
            let zhang = try await Resident.query(on: app.db).filter(\.$household.$id == household.id!).sort(\.$createdAt).first()!
            let office = WebClient(app)
            try await office.login("admin.a")
            try await office.get("/admin/households/\(household.id!.uuidString)")
            _ = try await office.post("/admin/households/\(household.id!.uuidString)/residents/\(zhang.id!.uuidString)/login",
                                      ["username": "zhang.a", "password": Fixture.password])
            do { let value = try await WebClient(app).login("zhang.a").status; XCTAssertEqual(value, .seeOther) }

            let cid = g.f.communityA.id!.uuidString
            try await office.get("/admin/communities/\(cid)/privacy")
            let wrong = try await office.post("/admin/communities/\(cid)/stand-down", ["confirm": "别的社区"])
            XCTAssertEqual(wrong.status, .unprocessableEntity)
            XCTAssertTrue(wrong.body.string.contains("未执行"))
            do { let value = try await Household.query(on: app.db).filter(\.$communityID == g.f.communityA.id!).count(); XCTAssertEqual(value, 2) }

            let done = try await office.post("/admin/communities/\(cid)/stand-down", ["confirm": g.f.communityA.name])
            XCTAssertEqual(done.status, .seeOther)
            let a = g.f.communityA.id!
            do { let value = try await Household.query(on: app.db).filter(\.$communityID == a).count(); XCTAssertEqual(value, 0) }
            do { let value = try await Resident.query(on: app.db).filter(\.$communityID == a).count(); XCTAssertEqual(value, 0) }
            do { let value = try await Pass.query(on: app.db).filter(\.$communityID == a).count(); XCTAssertEqual(value, 0) }
            do { let value = try await Passage.query(on: app.db).filter(\.$communityID == a).count(); XCTAssertEqual(value, 0) }
            do { let value = try await Person.query(on: app.db).filter(\.$communityID == a).count(); XCTAssertEqual(value, 0) }
            let kept = try await Passage.query(on: app.db).filter(\.$communityID == g.f.communityB.id!).count()
            XCTAssertEqual(kept, 1, "another community keeps its data")
            let account = try await User.query(on: app.db).filter(\.$communityID == a).filter(\.$role == Role.resident.rawValue).first()!
            XCTAssertFalse(account.isActive)
            XCTAssertTrue(account.username.hasPrefix("purged-"))
            XCTAssertNil(account.phoneSealed)
            do { let value = try await WebClient(app).login("zhang.a").status; XCTAssertEqual(value, .unauthorized, "the resident can no longer sign in") }
            let page = try await office.get("/admin/communities/\(cid)/privacy").body.string
            XCTAssertTrue(page.contains("id=\"stood-down\""))
            XCTAssertTrue(page.contains("解除防控"))

            let refused = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(36.5))
            XCTAssertEqual(refused.status, .conflict)
            XCTAssertTrue(refused.body.string.contains("stood_down"))
        }
    }

    /// On the embedded default, purged rows do not stay readable in the database file or its log.
    func testAPurgedPersonIsNotLeftInTheSQLiteFile() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gatehouse-purge-\(UUID().uuidString)").path
        let path = folder + "/gatehouse.sqlite"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let clock = FixedWallClock(TestApp.today)
        try await TestApp.run(database: .sqliteFile(path: path), clock: clock) { app in
            try await (app.db as! any SQLDatabase).raw("PRAGMA journal_mode=WAL").run()
            let g = try await GateFixture.make(app)
            _ = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(36.5))
            let person = try await Person.query(on: app.db).first()!
            let traces = [person.idNumberSealed, person.idNumberIndex, person.nameSealed].compactMap { $0 }
            XCTAssertEqual(traces.count >= 2, true)
            try await (app.db as! any SQLDatabase).raw("PRAGMA wal_checkpoint(TRUNCATE)").run()
            XCTAssertTrue(try Self.fileHolds(folder, traces.first!), "the probe finds what is there")

            clock.advance(by: 29 * 86_400)
            let community = try await Community.find(g.f.communityA.id, on: app.db)!
            let counts = try await PersonalDataPurge(services: app.gatehouse, db: app.db).purgeExpired(community)
            XCTAssertEqual(counts["persons"], 1)
            XCTAssertEqual(counts["passages"], 1)
            for trace in traces {
                XCTAssertFalse(try Self.fileHolds(folder, trace), "no trace of the purged person in the file")
            }
        }
    }

    private static func fileHolds(_ folder: String, _ text: String) throws -> Bool {
        let needle = Data(text.utf8)
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasPrefix("gatehouse.sqlite") {
            let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
            if data.range(of: needle) != nil { return true }
        }
        return false
    }
}
