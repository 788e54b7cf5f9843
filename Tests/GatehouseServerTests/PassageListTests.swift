import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import XCTVapor

final class PassageListTests: XCTestCase {
    func testListFiltersPagesAndMasks() async throws {
        let clock = FixedWallClock(TestApp.today)
        try await TestApp.run(clock: clock) { app in
            let g = try await GateFixture.make(app)
            try await g.registered(app, GateFixture.idNumber)
            var body = g.body(36.5)
            body["name"] = "田壮"
            body["phone"] = "13812348058"
            _ = try await g.guardA.send(.POST, "/api/v1/passages", json: body)
            for i in 0..<4 {
                clock.advance(by: 60)
                _ = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(i == 2 ? 37.9 : 36.4, id: i == 2 ? GateFixture.otherID : GateFixture.idNumber,
                                                                                     direction: i % 2 == 0 ? "out" : "in"))
            }
            let all = try await g.guardA.send(.GET, "/api/v1/passages?limit=2").json()
            let firstPage = all["items"] as! [[String: Any]]
            XCTAssertEqual(firstPage.count, 2)
            let cursor = try XCTUnwrap(all["nextCursor"] as? String)
            let second = try await g.guardA.send(.GET, "/api/v1/passages?limit=2&cursor=\(cursor)").json()
            let third = try await g.guardA.send(.GET, "/api/v1/passages?limit=2&cursor=\(second["nextCursor"] as! String)").json()
            let ids = (firstPage + (second["items"] as! [[String: Any]]) + (third["items"] as! [[String: Any]])).map { $0["id"] as! String }
            XCTAssertEqual(ids.count, 5)
            XCTAssertEqual(Set(ids).count, 5, "no row twice across pages")
            XCTAssertTrue(third["nextCursor"] is NSNull || third["nextCursor"] == nil)
            let times = (firstPage + (second["items"] as! [[String: Any]])).map { $0["recordedAt"] as! String }
            XCTAssertEqual(times, times.sorted(by: >), "newest first")

            let abnormal = try await g.guardA.send(.GET, "/api/v1/passages?status=abnormal").json()["items"] as! [[String: Any]]
            XCTAssertEqual(abnormal.count, 1)
            XCTAssertEqual(abnormal.first?["temperature"] as? Double, 37.9)
            let outs = try await g.guardA.send(.GET, "/api/v1/passages?direction=out").json()["items"] as! [[String: Any]]
            XCTAssertEqual(outs.count, 2)
            let window = try await g.guardA.send(.GET, "/api/v1/passages?from=2026-11-22T00:01:30Z&to=2026-11-22T00:03:30Z").json()["items"] as! [[String: Any]]
            XCTAssertEqual(window.count, 2)
            do { let value = try await g.guardA.send(.GET, "/api/v1/passages?status=weird").errorCode; XCTAssertEqual(value, "invalid_filter") }
            do { let value = try await g.guardA.send(.GET, "/api/v1/passages?cursor=garbage").errorCode; XCTAssertEqual(value, "invalid_filter") }

            let text = try await g.guardA.send(.GET, "/api/v1/passages").body.string
            XCTAssertFalse(text.contains("田壮"))
            XCTAssertFalse(text.contains("13812348058"))
            XCTAssertFalse(text.contains(GateFixture.idNumber))
            XCTAssertTrue(text.contains("138****8058"))
        }
    }

    func testPassagesAreScopedToCheckpointAndCommunity() async throws {
        try await TestApp.run { app in
            let g = try await GateFixture.make(app)
            let a = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(36.5)).json()["id"] as! String
            _ = try await g.guardB.send(.POST, "/api/v1/passages", json: g.body(36.5, gate: g.f.gateB))
            let wrongGate = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(36.5, gate: g.f.gateB))
            XCTAssertEqual(wrongGate.status, .forbidden)
            XCTAssertEqual(wrongGate.errorCode, "wrong_checkpoint")
            do { let value = try await g.guardB.send(.GET, "/api/v1/passages/\(a)").status; XCTAssertEqual(value, .notFound) }
            do { let value = try await g.guardB.send(.POST, "/api/v1/passages/\(a)/remeasure", json: ["temperature": 36.5]).status; XCTAssertEqual(value, .forbidden) }
            do { let value = try await g.guardB.send(.GET, "/api/v1/passages").json(); XCTAssertEqual((value["items"] as! [Any]).count, 1) }
            do { let value = try await g.guardB.send(.POST, "/api/v1/people/lookup", json: ["checkpointId": g.f.gateA.id!.uuidString, "idNumber": GateFixture.idNumber]).status; XCTAssertEqual(value, .forbidden) }

            try await g.f.account(app, "admin.b", .communityAdmin, community: g.f.communityB)
            let adminB = try await APIClient.signedIn(app, "admin.b")
            do { let value = try await adminB.send(.POST, "/api/v1/passages", json: g.body(36.5)).status; XCTAssertEqual(value, .notFound) }
            do { let value = try await adminB.send(.GET, "/api/v1/passages/\(a)").status; XCTAssertEqual(value, .notFound) }
            do { let value = try await adminB.send(.GET, "/api/v1/passages").json(); XCTAssertEqual((value["items"] as! [Any]).count, 1) }

            try await g.f.account(app, "health.a", .health, subdistrict: g.f.subA)
            let health = try await APIClient.signedIn(app, "health.a")
            do { let value = try await health.send(.GET, "/api/v1/passages").json(); XCTAssertEqual((value["items"] as! [Any]).count, 2) }
            do { let value = try await health.send(.POST, "/api/v1/passages", json: g.body(36.5)).status; XCTAssertEqual(value, .forbidden) }
            try await g.f.account(app, "far.admin", .communityAdmin, community: g.f.communityOther)
            let far = try await APIClient.signedIn(app, "far.admin")
            do { let value = try await far.send(.GET, "/api/v1/passages").json(); XCTAssertEqual((value["items"] as! [Any]).count, 0) }
            do { let value = try await APIClient(app: app).send(.GET, "/api/v1/passages").status; XCTAssertEqual(value, .unauthorized) }
        }
    }
    func testAnAreaListMergesItsCommunitiesNewestFirstPageByPage() async throws {
        let clock = FixedWallClock(TestApp.today + 0.1234567891) // a cursor must survive sub-microsecond times
        
        try await TestApp.run(clock: clock) { app in
            let g = try await GateFixture.make(app)
            // Two at one instant in each community, then one later in each: ties across communities.
            for (step, gate) in [(0, g.f.gateA), (0, g.f.gateB), (0, g.f.gateA), (0, g.f.gateB), (60, g.f.gateA), (30, g.f.gateB)] {
                clock.advance(by: TimeInterval(step))
                let client = gate.id == g.f.gateA.id ? g.guardA : g.guardB
                let sent = try await client.send(.POST, "/api/v1/passages", json: g.body(36.5, gate: gate))
                XCTAssertEqual(sent.status, .created, sent.body.string)
            }
            let expected = try await Passage.query(on: app.db).all()
                .sorted { ($0.recordedAt, $0.id!.uuidString) > ($1.recordedAt, $1.id!.uuidString) }.map { $0.id!.uuidString }
            try await g.f.account(app, "health.a", .health, subdistrict: g.f.subA)
            let health = try await APIClient.signedIn(app, "health.a")
            for size in [1, 2, 3, 4, 50] {
                var ids: [String] = [], cursor: String?
                repeat {
                    let page = try await health.send(.GET, "/api/v1/passages?limit=\(size)" + (cursor.map { "&cursor=\($0)" } ?? "")).json()
                    ids += (page["items"] as! [[String: Any]]).map { $0["id"] as! String }
                    cursor = page["nextCursor"] as? String
                } while cursor != nil && ids.count <= expected.count
                XCTAssertEqual(ids, expected, "pages of \(size)")
            }
            let gateB = try await health.send(.GET, "/api/v1/passages?checkpointId=\(g.f.gateB.id!.uuidString)").json()["items"] as! [[String: Any]]
            XCTAssertEqual(gateB.count, 3)
            // Only abnormal ones, over the area and at a gate (the partial indexes of M017).
            clock.advance(by: 30)
            let hot = try await g.guardB.send(.POST, "/api/v1/passages", json: g.body(38.1, gate: g.f.gateB)).json()["id"] as! String
            let abnormal = try await health.send(.GET, "/api/v1/passages?status=abnormal").json()["items"] as! [[String: Any]]
            XCTAssertEqual(abnormal.map { $0["id"] as! String }, [hot])
            let abnormalAtB = try await health.send(.GET, "/api/v1/passages?status=abnormal&checkpointId=\(g.f.gateB.id!.uuidString)").json()
            XCTAssertEqual((abnormalAtB["items"] as! [[String: Any]]).map { $0["id"] as! String }, [hot])
            let normal = try await health.send(.GET, "/api/v1/passages?status=normal&limit=200").json()["items"] as! [[String: Any]]
            XCTAssertEqual(normal.count, expected.count)
            XCTAssertTrue(gateB.allSatisfy { $0["checkpointId"] as? String == g.f.gateB.id!.uuidString })
            // A gate outside the caller's scope lists nothing.
            try await g.f.account(app, "admin.b", .communityAdmin, community: g.f.communityB)
            let adminB = try await APIClient.signedIn(app, "admin.b")
            let foreign = try await adminB.send(.GET, "/api/v1/passages?checkpointId=\(g.f.gateA.id!.uuidString)").json()["items"] as! [Any]
            XCTAssertTrue(foreign.isEmpty)
        }
    }

    /// `/records?day=`: the office reads one day's passages (China dates), with no live rows on a past day; "more"
    /// keeps the day.
    func testTheRecordsPageShowsOneDay() async throws {
        let clock = FixedWallClock(TestApp.today + 3600) // 2026-11-22 09:00 China
        try await TestApp.run(clock: clock) { app in
            let g = try await GateFixture.make(app)
            try await g.f.account(app, "admin.a", .communityAdmin, community: g.f.communityA)
            for _ in 0..<2 { _ = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(36.5)) }
            clock.advance(by: 86_400) // 11-23: the next shift signs in again
            let made = try await APIClient.signedIn(app, "guard.a").send(.POST, "/api/v1/passages", json: g.body(36.6))
            XCTAssertEqual(made.status, .created, made.body.string)
            let web = WebClient(app)
            try await web.login("admin.a")
            func rows(_ page: String) -> Int { page.components(separatedBy: "data-id=\"").count - 1 }
            let all = try await web.get("/records").body.string
            XCTAssertEqual(rows(all), 3)
            let first = try await web.get("/records?day=2026-11-22").body.string
            XCTAssertEqual(rows(first), 2, first)
            XCTAssertTrue(first.contains("value=\"2026-11-22\""))
            XCTAssertTrue(first.contains("data-channel=\"\""), "a past day gets no live rows")
            let second = try await web.get("/records?day=2026-11-23").body.string
            XCTAssertEqual(rows(second), 1)
            XCTAssertFalse(second.contains("data-channel=\"\""), "today's list is live")
            let none = try await web.get("/records?day=2026-11-20").body.string
            XCTAssertEqual(rows(none), 0)
        }
    }
}
