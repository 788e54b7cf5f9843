import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import SQLKit
import XCTVapor

/// The gate's hot path (an operator scanning a signed pass) keeps every rule of the general path: the same row,
/// the same answers to a retry and to a reused request id, and no passage once the community has stood down —
/// even when that happened on another server instance, past this one's cache.
final class HotPathTests: XCTestCase {
    private func passage(_ w: PassWorld, code: String, temperature: Double = 36.5, direction: String = "in",
                         requestID: UUID = UUID(), client: APIClient? = nil, gate: Checkpoint? = nil) async throws -> XCTHTTPResponse {
        var body = w.g.body(temperature, id: nil, direction: direction, requestID: requestID, gate: gate)
        body["passCode"] = code
        return try await (client ?? w.g.guardA).send(.POST, "/api/v1/passages", json: body)
    }

    func testATokenTakesTheHotPathAndStoresWhatTheGeneralPathStores() async throws {
        try await TestApp.run { app in
            let w = try await world(app)
            let passID = try await householdPasses(app, w)["8栋1单元101室"]!
            let token = try await token(w, passID)
            let shortCode = try await w.admin.send(.GET, "/api/v1/passes/\(passID)").json()["shortCode"] as! String
            let operatorA = try await User.query(on: app.db).filter(\.$checkpointID == w.g.f.gateA.id!).first()!
            func input(_ code: String) throws -> PassageInput {
                var body = w.g.body(36.5, id: nil)
                body["passCode"] = code
                return try JSONDecoder().decode(PassageInput.self, from: JSONSerialization.data(withJSONObject: body))
            }
            XCTAssertTrue(PassPassageRecorder.handles(try input(token), by: operatorA))
            XCTAssertFalse(PassPassageRecorder.handles(try input(shortCode), by: operatorA), "a typed code takes the general path")
            let admin = try await User.query(on: app.db).filter(\.$username == "admin.a").first()!
            XCTAssertFalse(PassPassageRecorder.handles(try input(token), by: admin), "admins take the general path")

            let fast = try await passage(w, code: token)
            XCTAssertEqual(fast.status, .created, fast.body.string)
            let general = try await passage(w, code: shortCode)
            XCTAssertEqual(general.status, .created, general.body.string)
            let rows = try await Passage.query(on: app.db).sort(\.$recordedAt).all()
            XCTAssertEqual(rows.count, 2)
            let (a, b) = (rows[0], rows[1])
            XCTAssertEqual(a.communityID, b.communityID)
            XCTAssertEqual(a.$checkpoint.id, b.$checkpoint.id)
            XCTAssertEqual(a.$operatorUser.id, b.$operatorUser.id)
            XCTAssertEqual(a.$person.id, b.$person.id)
            XCTAssertEqual(a.householdID, b.householdID)
            XCTAssertEqual(a.passID, b.passID)
            XCTAssertNotNil(a.passID)
            XCTAssertEqual(a.direction, b.direction)
            XCTAssertEqual(a.status, b.status)
            for keyPath in [\Passage.mode, \.decision, \.reasons, \.nameMasked, \.phoneMasked] {
                XCTAssertEqual(a[keyPath: keyPath], b[keyPath: keyPath])
            }
            XCTAssertEqual(a.temperatureTenths, b.temperatureTenths)
            XCTAssertEqual(a.wearsMask, b.wearsMask)
            XCTAssertEqual(a.awaitingRemeasure, b.awaitingRemeasure)
            XCTAssertEqual(try fast.json()["nameMasked"] as? String, "8栋1单元101室（户）")
            let listed = try await w.g.guardA.send(.GET, "/api/v1/passages").json()
            XCTAssertEqual((listed["items"] as? [[String: Any]])?.count, 2, "the hot path's passage is listed like any other")
        }
    }

    func testARetryIsAnsweredOnceAndAReusedRequestIdIsRefused() async throws {
        try await TestApp.run { app in
            let w = try await world(app)
            let token = try await token(w, try await householdPasses(app, w)["8栋1单元101室"]!)
            let requestID = UUID()
            let first = try await passage(w, code: token, requestID: requestID)
            XCTAssertEqual(first.status, .created)
            let again = try await passage(w, code: token, requestID: requestID)
            XCTAssertEqual(again.status, .ok, "a retry gets the stored passage")
            XCTAssertEqual(try again.json()["id"] as? String, try first.json()["id"] as? String)
            let reused = try await passage(w, code: token, requestID: requestID, client: w.g.guardB, gate: w.g.f.gateB)
            XCTAssertEqual(reused.status, .conflict)
            XCTAssertEqual((try reused.json()["error"] as? [String: Any])?["code"] as? String, "client_request_id_reused")
            let count = try await Passage.query(on: app.db).count()
            XCTAssertEqual(count, 1)
        }
    }

    func testAHighReadingWaitsForTheRemeasureWhichOpensTheFeverCase() async throws {
        try await TestApp.run { app in
            let w = try await world(app)
            let token = try await token(w, try await householdPasses(app, w)["8栋1单元101室"]!)
            let high = try await passage(w, code: token, temperature: 38.2).json()
            XCTAssertEqual(high["awaitingRemeasure"] as? Bool, true)
            let id = high["id"] as! String
            // The rest is over when the clock has moved on.
            let clock = app.gatehouse.clock as! FixedWallClock
            clock.advance(by: 3600)
            let remeasured = try await w.g.guardA.send(.POST, "/api/v1/passages/\(id)/remeasure", json: ["temperature": 38.4])
            XCTAssertEqual(remeasured.status, .ok, remeasured.body.string)
            XCTAssertEqual(try remeasured.json()["decision"] as? String, "refer", "a fever is referred to the observation room")
            let cases = try await FeverCase.query(on: app.db).all()
            XCTAssertEqual(cases.map(\.passageID), [UUID(uuidString: id)!])
        }
    }

    func testASettingChangedHereAppliesAtOnce() async throws {
        try await TestApp.run { app in
            let w = try await world(app)
            let passes = try await householdPasses(app, w)
            let token = try await token(w, passes["8栋1单元101室"]!)
            let before = try await passage(w, code: token, temperature: 37.5).json()
            XCTAssertEqual(before["awaitingRemeasure"] as? Bool, true)
            let community = try await Community.find(w.g.f.communityA.id!, on: app.db)!
            community.feverThresholdTenths = 380
            try await community.save(on: app.db)
            // Another household's pass: the first one's high reading now waits for its re-measure.
            let after = try await passage(w, code: try await self.token(w, passes["8栋1单元102室"]!), temperature: 37.5).json()
            XCTAssertEqual(after["awaitingRemeasure"] as? Bool, false, "the cached settings were dropped with the change")
            XCTAssertEqual(after["decision"] as? String, "allow")
        }
    }

    func testAStandDownOnAnotherInstanceStopsTheHotPathPastItsCache() async throws {
        try await TestApp.run { app in
            let w = try await world(app)
            let token = try await token(w, try await householdPasses(app, w)["8栋1单元101室"]!)
            let first = try await passage(w, code: token)
            XCTAssertEqual(first.status, .created)
            XCTAssertNotNil(app.gatehouse.hotPath.gates.value(for: w.g.f.gateA.id!), "the gate's settings are cached")
            // Another instance stands the community down: nothing here hears of it.
            try await (app.db as! any SQLDatabase).update("communities").set("stood_down_at", to: Date())
                .where("id", .equal, w.g.f.communityA.id!).run()
            for _ in 0..<2 {
                let refused = try await passage(w, code: token)
                XCTAssertEqual(refused.status, .conflict)
                XCTAssertEqual((try refused.json()["error"] as? [String: Any])?["code"] as? String, "stood_down")
            }
            let count = try await Passage.query(on: app.db).count()
            XCTAssertEqual(count, 1)
        }
    }

    func testAPassRevokedOrQuarantinedHereIsRefusedAtOnceAndAnotherInstancesChangeOnceTheCacheLets() async throws {
        try await TestApp.run { app in
            let w = try await world(app)
            let passes = try await householdPasses(app, w)
            let (revokedID, quarantinedID) = (passes["8栋1单元101室"]!, passes["8栋1单元102室"]!)
            let revoked = try await token(w, revokedID), quarantined = try await token(w, quarantinedID)
            func reasons(_ r: XCTHTTPResponse) throws -> [String] {
                (try r.json()["reasons"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
            }
            for code in [revoked, quarantined] {
                let allowed = try await passage(w, code: code, direction: "out")
                XCTAssertEqual(try allowed.json()["decision"] as? String, "allow", allowed.body.string)
            }
            XCTAssertNotNil(app.gatehouse.hotPath.passes.value(for: UUID(uuidString: revokedID)!), "the scanned pass is cached")

            // Changes made through this instance apply at the next scan.
            let revoking = try await w.admin.send(.POST, "/api/v1/passes/\(revokedID)/revoke")
            XCTAssertEqual(revoking.status, .ok, revoking.body.string)
            let afterRevoke = try await passage(w, code: revoked, direction: "out")
            XCTAssertEqual(try afterRevoke.json()["decision"] as? String, "deny")
            XCTAssertEqual(try reasons(afterRevoke), ["pass_revoked"])
            let household = try await Household.query(on: app.db).filter(\.$label == "8栋1单元102室").first()!
            household.homeQuarantine = true
            try await household.save(on: app.db)
            let confined = try await passage(w, code: quarantined, direction: "out")
            XCTAssertEqual(try confined.json()["decision"] as? String, "deny")
            XCTAssertEqual(try reasons(confined), ["home_quarantine"])

            // Another instance lifts the quarantine: this one answers from its cache until the entry's lifetime ends.
            try await (app.db as! any SQLDatabase).update("households").set("home_quarantine", to: false)
                .where("id", .equal, household.id!).run()
            let stale = try await passage(w, code: quarantined, direction: "out")
            XCTAssertEqual(try reasons(stale), ["home_quarantine"], "within the cache's lifetime")
            app.gatehouse.hotPath.passes.removeAll() // what the lifetime's end does (ShortLivedCacheTests)
            let fresh = try await passage(w, code: quarantined, direction: "out")
            XCTAssertEqual(try fresh.json()["decision"] as? String, "allow", fresh.body.string)
        }
    }
}
