import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import XCTVapor

final class PoliceSupervisionTests: XCTestCase {
    func testAccessIsGrantedForDaysEndsByItselfAndEveryViewIsAudited() async throws {
        let clock = FixedWallClock(TestApp.today)
        try await TestApp.run(clock: clock) { app in
            let g = try await GateFixture.make(app)
            try await g.f.account(app, "admin.a", .communityAdmin, community: g.f.communityA)
            let police = try await g.f.account(app, "police.a", .police, subdistrict: g.f.subA)
            let cid = g.f.communityA.id!.uuidString
            let officer = WebClient(app)
            try await officer.login("police.a")
            let before = try await officer.get("/admin/communities/\(cid)/dashboard").status
            XCTAssertEqual(before, .notFound, "no grant yet")

            let office = WebClient(app)
            try await office.login("admin.a")
            let page = "/admin/communities/\(cid)/supervision"
            try await office.get(page)
            let bad = try await office.post("/admin/communities/\(cid)/police-grants",
                                            ["policeUserId": police.id!.uuidString, "startsOn": "2026-11-22", "endsOn": "2026-11-20"])
            XCTAssertEqual(bad.status, .unprocessableEntity)
            let granted = try await office.post("/admin/communities/\(cid)/police-grants",
                                                ["policeUserId": police.id!.uuidString, "startsOn": "2026-11-22", "endsOn": "2026-11-23"])
            XCTAssertEqual(granted.status, .seeOther, granted.body.string)

            let dashboard = try await officer.get("/admin/communities/\(cid)/dashboard").status
            XCTAssertEqual(dashboard, .ok)
            let home = try await officer.get("/police").body.string
            XCTAssertTrue(home.contains("幸福社区"))
            let awaited1 = try await officer.post("/admin/communities/\(cid)/checkpoints", ["name": "警务门"]).status
            XCTAssertEqual(awaited1, .forbidden, "read only")

            // A spot check with findings and a rating; a missing rating has its own message.
            try await officer.get("/police")
            let noRating = try await officer.post("/police/spot-checks", ["communityId": cid, "checkpointId": g.f.gateA.id!.uuidString,
                                                                          "findings": "测温规范"])
            XCTAssertEqual(noRating.status, .unprocessableEntity)
            let check = try await officer.post("/police/spot-checks", ["communityId": cid, "checkpointId": g.f.gateA.id!.uuidString,
                                                                       "rating": "fair", "findings": "登记本有漏项，已要求整改"])
            XCTAssertEqual(check.status, .seeOther, check.body.string)
            let seen = try await office.get(page).body.string
            XCTAssertTrue(seen.contains("登记本有漏项"), "the office sees the spot check")
            XCTAssertTrue(seen.contains("data-action=\"policeView\""), "and that the police looked")
            XCTAssertTrue(seen.contains("data-action=\"policeGrant\""))

            // The grant ends by itself after its last day.
            clock.advance(by: 2 * 86_400)
            let changed = try await PoliceGrants(services: app.gatehouse, db: app.db).sync()
            XCTAssertEqual(changed, 1)
            let after = try await officer.get("/admin/communities/\(cid)/dashboard").status
            XCTAssertEqual(after, .notFound)
            let other = try await officer.get("/admin/communities/\(g.f.communityB.id!.uuidString)/dashboard").status
            XCTAssertEqual(other, .notFound)
            // The officer's own spot checks stay readable after the grant ended, photos included.
            let mine = try await officer.get("/police").body.string
            XCTAssertTrue(mine.contains("登记本有漏项"), "the officer still reads their own spot check")
            let actions = try await AuditEvent.query(on: app.db).all().map(\.action)
            XCTAssertEqual(Set(actions), ["policeGrant", "policeView", "spotCheck"])
        }
    }
}
