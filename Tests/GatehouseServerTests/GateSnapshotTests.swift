import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import XCTVapor

/// `GET /api/v1/checkpoints/{id}/offline-snapshot`: what a gate keeps for deciding offline — the keys, the rule
/// values, the passes refused, the households in quarantine, the exits counted against the quota — and nothing of a
/// person.
final class GateSnapshotTests: XCTestCase {
    private func snapshot(_ w: PassWorld, client: APIClient? = nil) async throws -> XCTHTTPResponse {
        try await (client ?? w.g.guardA).send(.GET, "/api/v1/checkpoints/\(w.g.f.gateA.id!.uuidString)/offline-snapshot")
    }

    func testTheSnapshotCarriesTheRulesRefusalsQuarantineAndExitsButNoPerson() async throws {
        try await TestApp.run { app in
            let w = try await world(app)
            let passes = try await householdPasses(app, w)
            let (a, b) = (passes["8栋1单元101室"]!, passes["8栋1单元102室"]!)
            let now = TestApp.today
            let cid = w.g.f.communityA.id!.uuidString
            let quota = try await w.admin.send(.PUT, "/api/v1/communities/\(cid)/outing-quota",
                                               json: ["enabled": true, "scope": "household", "exits": 2, "days": 2, "fromHour": 6, "toHour": 22])
            XCTAssertEqual(quota.status, .noContent)
            // Household A went out twice, the first time three days ago (outside the window); B once and came back.
            let tokenA = try await token(w, a), tokenB = try await token(w, b)
            var items: [[String: Any]] = []
            for (token, direction, at) in [(tokenA, "out", now - 3 * 86400), (tokenA, "out", now - 3600), (tokenB, "out", now - 1800),
                                           (tokenB, "in", now - 900)] {
                var item = w.g.body(36.5, id: nil, direction: direction)
                item["passCode"] = token
                item["takenAt"] = ISO8601DateFormatter().string(from: at)
                items.append(item)
            }
            let stored = try await w.g.guardA.send(.POST, "/api/v1/passages/batch", json: ["passages": items])
            XCTAssertEqual(stored.status, .ok)
            let suspended = try await w.admin.send(.POST, "/api/v1/passes/\(a)/suspend")
            XCTAssertEqual(suspended.status, .ok)
            let householdB = try await Household.query(on: app.db).filter(\.$label == "8栋1单元102室").first()!
            let ordered = try await w.admin.send(.POST, "/api/v1/households/\(householdB.id!.uuidString)/quarantine",
                                                 json: ["startsOn": "2026-11-22", "endsOn": "2026-12-05", "reason": "密切接触者", "orderedBy": "区卫健委"])
            XCTAssertEqual(ordered.status, .created)

            let response = try await snapshot(w)
            XCTAssertEqual(response.status, .ok)
            XCTAssertEqual(response.headers.first(name: .cacheControl), "no-store")
            let body = response.body.string
            for personal in ["张三", "李四", "110105198001010016", "13812340001", "8栋"] {
                XCTAssertFalse(body.contains(personal), "no register goes to the device: \(personal)")
            }
            let s = try response.json()
            XCTAssertEqual(s["serverTime"] as? String, ISO8601DateFormatter().string(from: now))
            XCTAssertEqual(s["communityId"] as? String, cid)
            XCTAssertEqual(s["staleAfterSeconds"] as? Int, 12 * 3600)
            let rules = try XCTUnwrap(s["rules"] as? [String: Any])
            XCTAssertEqual(rules["feverThresholdTenths"] as? Int, 373)
            XCTAssertEqual(rules["lowestReadingTenths"] as? Int, 350)
            XCTAssertEqual((rules["outingQuota"] as? [String: Any])?["exits"] as? Int, 2)
            let keys = try XCTUnwrap(s["keys"] as? [[String: Any]])
            XCTAssertEqual(keys.first?["crv"] as? String, "P-256")
            XCTAssertEqual((s["refusedPasses"] as? [[String: Any]])?.map { $0["code"] as? String }, ["pass_suspended"])
            XCTAssertEqual((s["refusedPasses"] as? [[String: Any]])?.first?["passId"] as? String, a)
            XCTAssertEqual(s["quarantinedHouseholds"] as? [String], [householdB.id!.uuidString])
            let exits = try XCTUnwrap(s["exits"] as? [String: Any])
            XCTAssertEqual(exits["scope"] as? String, "household")
            let holders = try XCTUnwrap(exits["holders"] as? [[String: Any]])
            let householdA = try await Household.query(on: app.db).filter(\.$label == "8栋1单元101室").first()!
            let byHousehold = Dictionary(uniqueKeysWithValues: holders.map { ($0["id"] as! String, $0["at"] as! [String]) })
            XCTAssertEqual(byHousehold[householdA.id!.uuidString], [ISO8601DateFormatter().string(from: now - 3600)])
            XCTAssertEqual(byHousehold[householdB.id!.uuidString], [ISO8601DateFormatter().string(from: now - 1800)])
            let reasons = try XCTUnwrap(s["reasons"] as? [[String: Any]])
            let quotaText = reasons.first { $0["code"] as? String == "quota_used" }?["message"] as? String
            XCTAssertEqual(quotaText, "外出次数已用完（每2天2次）", "the community's figures are in the sentence")
            XCTAssertTrue((s["temperatureTooLow"] as? String ?? "").contains("35.0"))

            // A person-scoped quota counts the holder's exits under each of their passes; a household pass by itself.
            let person = try await w.admin.send(.PUT, "/api/v1/communities/\(cid)/outing-quota",
                                                json: ["enabled": true, "scope": "person", "exits": 1, "days": 1, "fromHour": 0, "toHour": 24])
            XCTAssertEqual(person.status, .noContent)
            let personScoped = try await snapshot(w).json()
            let byPass = try XCTUnwrap((personScoped["exits"] as? [String: Any])?["holders"] as? [[String: Any]])
            XCTAssertEqual(byPass.map { $0["id"] as? String }, [b], "the suspended pass A is refused anyway; B went out once")
        }
    }

    func testOnlyTheGatesOwnOperatorsAndItsOfficeGetIt() async throws {
        try await TestApp.run { app in
            let w = try await world(app)
            // Another community's office is not told the gate exists.
            for (client, status) in [(w.g.guardB, HTTPStatus.forbidden), (w.adminB, .notFound), (w.admin, .ok)] {
                let answer = try await snapshot(w, client: client)
                XCTAssertEqual(answer.status, status)
            }
            let anonymous = try await app.testable().sendRequest(.GET, "/api/v1/checkpoints/\(w.g.f.gateA.id!.uuidString)/offline-snapshot")
            XCTAssertEqual(anonymous.status, .unauthorized)
            let community = try await Community.find(w.g.f.communityA.id!, on: app.db)!
            let plain = try await snapshot(w).json()
            XCTAssertNil(plain["exits"] as? [String: Any], "no quota, no exits")
            community.stoodDownAt = TestApp.today
            try await community.save(on: app.db)
            let stoodDown = try await snapshot(w)
            XCTAssertEqual(stoodDown.status, .conflict, "a stood-down community's gates record nothing more")
        }
    }
}
