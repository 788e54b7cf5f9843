import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import XCTVapor

/// `POST /api/v1/passages/batch`: a gate's outbox after an outage. Order kept, a repeat answered with the first
/// record, bad items refused alone, `takenAt` bounded, every rule applied again at the time taken and a difference
/// flagged for the office — the passage itself kept as the gate took it.
final class PassageBatchTests: XCTestCase {
    private static func time(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }

    private func item(_ w: PassWorld, pass: String? = nil, id: String? = nil, temperature: Double = 36.5, direction: String = "in",
                      takenAt: Date, decision: String? = "allow", requestID: UUID = UUID()) -> [String: Any] {
        var body = w.g.body(temperature, id: id, direction: direction, requestID: requestID)
        body["passCode"] = pass
        body["takenAt"] = Self.time(takenAt)
        body["offlineDecision"] = decision
        return body
    }

    private func batch(_ w: PassWorld, _ items: [[String: Any]], client: APIClient? = nil) async throws -> [[String: Any]] {
        let response = try await (client ?? w.g.guardA).send(.POST, "/api/v1/passages/batch", json: ["passages": items])
        XCTAssertEqual(response.status, .ok, response.body.string)
        return try XCTUnwrap(try response.json()["results"] as? [[String: Any]])
    }

    private func errorCode(_ result: [String: Any]) -> String? { (result["error"] as? [String: Any])?["code"] as? String }
    private func codes(_ reasons: Any?) -> [String] { (reasons as? [[String: Any]] ?? []).compactMap { $0["code"] as? String } }

    func testOrderIsKeptARepeatGetsTheFirstRecordAndEachIsStoredAtTheTimeTaken() async throws {
        try await TestApp.run { app in
            let w = try await world(app)
            let token = try await token(w, try await householdPasses(app, w)["8栋1单元101室"]!)
            try await w.g.registered(app, GateFixture.idNumber)
            let now = TestApp.today
            let repeated = UUID()
            let items = [
                item(w, pass: token, takenAt: now - 7200, requestID: repeated),
                item(w, id: GateFixture.idNumber, takenAt: now - 3600),
                item(w, pass: token, direction: "out", takenAt: now - 1800),
                item(w, pass: token, takenAt: now - 7200, requestID: repeated),
            ]
            let results = try await batch(w, items)
            XCTAssertEqual(results.count, 4)
            XCTAssertEqual(results.map { $0["recordedAt"] as? String }, [now - 7200, now - 3600, now - 1800, now - 7200].map(Self.time))
            XCTAssertEqual(results.map { $0["mode"] as? String }, ["pass", "typed", "pass", "pass"])
            XCTAssertEqual(results[3]["id"] as? String, results[0]["id"] as? String, "a repeated clientRequestId answers with the first record")
            XCTAssertTrue(results.allSatisfy { $0["offline"] as? Bool == true && $0["review"] == nil })
            let stored = try await Passage.query(on: app.db).sort(\.$recordedAt).all()
            XCTAssertEqual(stored.count, 3)
            XCTAssertTrue(stored.allSatisfy(\.offline))
            XCTAssertEqual(stored.map(\.direction), [.in, .in, .out])
            // The same batch again (a tab killed before it heard the answers) stores nothing twice.
            let again = try await batch(w, items)
            XCTAssertEqual(again.map { $0["id"] as? String }, results.map { $0["id"] as? String })
            let count = try await Passage.query(on: app.db).count()
            XCTAssertEqual(count, 3)
            // A passage taken now, online, is not offline.
            var online = w.g.body(36.5, id: nil)
            online["passCode"] = token
            let live = try await w.g.guardA.send(.POST, "/api/v1/passages", json: online).json()
            XCTAssertEqual(live["offline"] as? Bool, false)
        }
    }

    func testBadItemsAreRefusedAloneAndTakenAtIsBounded() async throws {
        try await TestApp.run { app in
            let w = try await world(app)
            let token = try await token(w, try await householdPasses(app, w)["8栋1单元101室"]!)
            let now = TestApp.today
            var early = item(w, pass: token, temperature: 38.0, takenAt: now - 600, decision: "refer")
            early["remeasure"] = ["temperature": 36.6, "takenAt": Self.time(now - 500)]
            var unknownDecision = item(w, pass: token, takenAt: now - 60)
            unknownDecision["offlineDecision"] = "maybe"
            let results = try await batch(w, [
                item(w, pass: token, takenAt: now - 72 * 3600 - 60),
                item(w, pass: token, takenAt: now - 71 * 3600),
                item(w, pass: token, takenAt: now + 300),
                item(w, pass: token, takenAt: now + 60),
                item(w, pass: token, temperature: 30.0, takenAt: now - 60),
                early,
                unknownDecision,
                item(w, pass: "GH1.nonsense", takenAt: now - 60),
                ["temperature": "hot", "direction": 3],
                item(w, pass: token, takenAt: now - 30),
            ])
            XCTAssertEqual(results.map(errorCode), ["taken_too_long_ago", nil, "taken_in_future", nil, "invalid_temperature",
                                                    "remeasure_time_invalid", "invalid_offline_decision", "pass_malformed",
                                                    "invalid_request", nil], "a damaged item is answered alone; the one after it is stored")
            let damaged = try XCTUnwrap(results[8]["error"] as? [String: Any])
            XCTAssertFalse((damaged["message"] as? String ?? "").isEmpty)
            let refusal = try XCTUnwrap(results[0]["error"] as? [String: Any])
            XCTAssertEqual(refusal["retry"] as? Bool, false)
            XCTAssertTrue((refusal["message"] as? String ?? "").contains("72小时"), "the guard reads a sentence, not a code")
            let count = try await Passage.query(on: app.db).count()
            XCTAssertEqual(count, 3)

            let tooMany = try await w.g.guardA.send(.POST, "/api/v1/passages/batch",
                                                    json: ["passages": Array(repeating: item(w, pass: token, takenAt: now), count: 501)])
            XCTAssertEqual(tooMany.status, .unprocessableEntity)
            XCTAssertEqual((try tooMany.json()["error"] as? [String: Any])?["code"] as? String, "batch_too_large")
            let stranger = try await w.g.guardB.send(.POST, "/api/v1/passages/batch", json: ["passages": [item(w, pass: token, takenAt: now)]])
            XCTAssertEqual(errorCode(try XCTUnwrap(try stranger.json()["results"] as? [[String: Any]]).first ?? [:]), "wrong_checkpoint",
                           "an operator records only at their own gate")
        }
    }

    func testRulesAreAppliedAgainAndWhatTheServerWouldHaveDecidedOtherwiseIsFlagged() async throws {
        try await TestApp.run { app in
            let w = try await world(app)
            let passes = try await householdPasses(app, w)
            let a = try await token(w, passes["8栋1单元101室"]!)
            let b = try await token(w, passes["8栋1单元102室"]!)
            let cid = w.g.f.communityA.id!.uuidString
            let now = TestApp.today
            let quota = try await w.admin.send(.PUT, "/api/v1/communities/\(cid)/outing-quota",
                                               json: ["enabled": true, "scope": "household", "exits": 1, "days": 1, "fromHour": 0, "toHour": 24])
            XCTAssertEqual(quota.status, .noContent)
            // While the gate was offline: household B was put under quarantine and pass A revoked afterwards.
            let householdB = try await Household.query(on: app.db).filter(\.$label == "8栋1单元102室").first()!
            let ordered = try await w.admin.send(.POST, "/api/v1/households/\(householdB.id!.uuidString)/quarantine",
                                                 json: ["startsOn": "2026-11-22", "endsOn": "2026-12-05", "reason": "密切接触者", "orderedBy": "区卫健委"])
            XCTAssertEqual(ordered.status, .created)

            // Two phones at the gate, each with its own outbox: each let household A out once in the same day.
            let first = try await batch(w, [item(w, pass: a, direction: "out", takenAt: now - 5400)])
            XCTAssertNil(first[0]["review"])
            let results = try await batch(w, [
                item(w, pass: a, direction: "out", takenAt: now - 3600),
                item(w, pass: b, direction: "out", takenAt: now - 3000),
                item(w, pass: b, direction: "in", takenAt: now - 2400),
                item(w, pass: b, direction: "out", takenAt: now - 2000, decision: "deny"),
            ], client: w.g.guardA)
            XCTAssertEqual(results.map { $0["decision"] as? String }, ["allow", "allow", "allow", "deny"], "kept as the gate took it")
            XCTAssertEqual(results.map { ($0["review"] as? [String: Any])?["decision"] as? String }, ["deny", "deny", nil, nil])
            XCTAssertEqual(codes((results[0]["review"] as? [String: Any])?["reasons"]), ["quota_used"])
            XCTAssertEqual(codes((results[1]["review"] as? [String: Any])?["reasons"]), ["home_quarantine"])
            XCTAssertEqual(codes(results[3]["reasons"]), ["home_quarantine", "quota_used"],
                           "agreeing, the server's reasons are stored — the exit the other phone let through counts")

            // A pass revoked after the passage was taken: the server's check today refuses it.
            let revoked = try await w.admin.send(.POST, "/api/v1/passes/\(passes["8栋1单元101室"]!)/revoke")
            XCTAssertEqual(revoked.status, .ok)
            let late = try await batch(w, [item(w, pass: a, takenAt: now - 900)])
            XCTAssertEqual(late[0]["decision"] as? String, "allow")
            XCTAssertEqual(codes((late[0]["review"] as? [String: Any])?["reasons"]), ["pass_revoked"])

            let flagged = try await Passage.query(on: app.db).filter(\.$reviewDecision != nil).count()
            XCTAssertEqual(flagged, 3)
        }
    }

    func testAFeverTakenOfflineOpensItsCaseAtTheTimeOfTheReMeasure() async throws {
        try await TestApp.run { app in
            let w = try await world(app)
            let token = try await token(w, try await householdPasses(app, w)["8栋1单元101室"]!)
            let now = TestApp.today
            var fever = item(w, pass: token, temperature: 38.0, takenAt: now - 3600, decision: "refer")
            fever["remeasure"] = ["temperature": 38.2, "takenAt": Self.time(now - 3300)]
            fever["offlineReasons"] = ["fever"]
            var normal = item(w, pass: token, temperature: 37.6, takenAt: now - 1200, decision: "allow")
            normal["remeasure"] = ["temperature": 36.8, "takenAt": Self.time(now - 880)]
            let waiting = item(w, pass: token, temperature: 37.5, takenAt: now - 60, decision: "refer")
            let results = try await batch(w, [fever, normal, waiting])
            XCTAssertEqual(results.map { $0["readings"] as? [Double] }, [[38.0, 38.2], [37.6, 36.8], [37.5]])
            XCTAssertEqual(results.map { $0["decision"] as? String }, ["refer", "allow", "refer"])
            XCTAssertEqual(results.map { $0["awaitingRemeasure"] as? Bool }, [false, false, true])
            XCTAssertTrue(results.allSatisfy { $0["review"] == nil }, "\(results)")
            let cases = try await FeverCase.query(on: app.db).all()
            XCTAssertEqual(cases.count, 1)
            XCTAssertEqual(cases.first?.openedAt, now - 3300)
            XCTAssertEqual(cases.first?.passageID?.uuidString, results[0]["id"] as? String)
            let steps = try await FeverCaseEvent.query(on: app.db).sort(\.$at).all()
            XCTAssertEqual(steps.map(\.at), [now - 3600, now - 3300, now - 3300])
        }
    }
}
