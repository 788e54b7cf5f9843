import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import XCTVapor

/// The shared table of gate cases (`Tests/Shared/offline-gate-cases.json`), decided by the server: each case's
/// community, pass and household are set up as it says, and its passage is recorded at the time it gives. The browser's
/// offline check decides the same table (`Tests/browser/test_offline_rules.py`): the rules stay the server's.
final class OfflineGateCaseTests: XCTestCase {
    struct Table: Decodable {
        let cases: [Case]
    }

    struct Case: Decodable {
        struct Rules: Decodable { let thresholdTenths: Int; let restSeconds: Int }
        struct Reading: Decodable { let tenths: Int; let at: Date }
        let name: String
        let now: Date
        let rules: Rules?
        let quota: OutingQuota?
        let pass: String
        let homeQuarantine: Bool
        let exits: [Date]
        let direction: String
        let mask: Bool
        let readings: [Reading]
        let decision: String
        let reasons: [String]
    }

    static func table() throws -> [Case] {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Shared/offline-gate-cases.json")
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(Table.self, from: Data(contentsOf: file)).cases
    }

    private static func time(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }

    func testTheServerDecidesEveryCaseOfTheSharedTable() async throws {
        let cases = try Self.table()
        XCTAssertGreaterThan(cases.count, 20)
        try await TestApp.run { app in
            let w = try await world(app)
            let passes = try await households(cases.count, app, w)
            for (index, c) in cases.enumerated() {
                let result = try await record(c, household: "9栋1单元\(101 + index)室", passID: passes["9栋1单元\(101 + index)室"]!, app, w)
                let decision = result["decision"] as? String
                let reasons = (result["reasons"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
                XCTAssertEqual(decision, c.decision, "\(c.name): \(result)")
                XCTAssertEqual(reasons, c.reasons, c.name)
            }
        }
    }

    /// One household per case (9栋1单元101室 onwards), each with its household pass: label → pass id.
    private func households(_ count: Int, _ app: Application, _ w: PassWorld) async throws -> [String: String] {
        let digits = Array("零一二三四五六七八九")
        var csv = "楼栋,单元,房号,姓名,身份证号,手机号,类别,暂住截止日期\n"
        for index in 0..<count {
            let seventeen = "11010519800101" + String(format: "%03d", 100 + index)
            csv += "9,1,\(101 + index),住户\(digits[index / 10])\(digits[index % 10]),\(seventeen)\(ISO7064.mod11_2(seventeen)!),,常住,\n"
        }
        let imported = try await upload(app, w.admin, w.g.f.communityA, csv)
        XCTAssertEqual(imported.status, .ok, imported.body.string)
        let issued = try await w.admin.send(.POST, "/api/v1/communities/\(w.g.f.communityA.id!.uuidString)/household-passes")
        XCTAssertEqual(try issued.json()["issued"] as? Int, count)
        let list = try await w.admin.send(.GET, "/api/v1/communities/\(w.g.f.communityA.id!.uuidString)/households").jsonArray()
        return Dictionary(uniqueKeysWithValues: list.map { ($0["label"] as! String, $0["householdPassId"] as! String) })
    }

    /// Sets the community's rules as the case says and the case's household up, then records its passage as the
    /// gate's outbox would send it (no decision of the gate's: the stored decision is the server's own).
    private func record(_ c: Case, household label: String, passID: String, _ app: Application, _ w: PassWorld) async throws -> [String: Any] {
        let community = try await Community.find(w.g.f.communityA.id!, on: app.db)!
        community.feverThresholdTenths = c.rules?.thresholdTenths ?? 373
        community.remeasureRestSeconds = c.rules?.restSeconds ?? 300
        try await community.save(on: app.db)
        // The office's settings form does this too: the gate's settings are read again.
        app.gatehouse.hotPath.gates.remove(w.g.f.gateA.id!)
        var quota: [String: Any] = ["enabled": c.quota != nil]
        if let q = c.quota {
            quota.merge(["scope": q.scope.rawValue, "exits": q.exits, "days": q.days, "fromHour": q.fromHour, "toHour": q.toHour]) { $1 }
        }
        let set = try await w.admin.send(.PUT, "/api/v1/communities/\(community.id!.uuidString)/outing-quota", json: quota)
        XCTAssertEqual(set.status, .noContent, c.name)
        var token = try await token(w, passID)
        func item(temperature: Double, direction: String, at: Date) -> [String: Any] {
            var body = w.g.body(temperature, id: nil, mask: true, direction: direction)
            body["passCode"] = token
            body["takenAt"] = Self.time(at)
            return body
        }
        if !c.exits.isEmpty {
            let exits = c.exits.sorted().map { at -> [String: Any] in
                var exit = item(temperature: 36.5, direction: "out", at: at)
                exit["offlineDecision"] = "allow"
                return exit
            }
            let stored = try await w.g.guardA.send(.POST, "/api/v1/passages/batch", json: ["passages": exits])
            XCTAssertEqual(stored.status, .ok, c.name)
        }
        if c.homeQuarantine {
            let household = try await Household.query(on: app.db).filter(\.$label == label).first()!
            let ordered = try await w.admin.send(.POST, "/api/v1/households/\(household.id!.uuidString)/quarantine",
                                                 json: ["startsOn": "2026-11-20", "endsOn": "2026-12-05", "reason": "密切接触者", "orderedBy": "区卫健委"])
            XCTAssertEqual(ordered.status, .created, "\(c.name): \(ordered.body.string)")
        }
        switch c.pass {
        case "revoked", "suspended":
            let changed = try await w.admin.send(.POST, "/api/v1/passes/\(passID)/\(c.pass == "revoked" ? "revoke" : "suspend")")
            XCTAssertEqual(changed.status, .ok, c.name)
        case "expired":
            let pass = try await Pass.find(UUID(uuidString: passID)!, on: app.db)!
            token = app.gatehouse.passSigner.token(for: PassClaims(passID: pass.id!, householdID: pass.$household.id, communityID: pass.communityID,
                                                                    kind: .household, expiresAt: c.now - 3600))
        case "otherCommunity":
            token = app.gatehouse.passSigner.token(for: PassClaims(passID: UUID(), householdID: UUID(), communityID: w.g.f.communityB.id!,
                                                                    kind: .household, expiresAt: c.now + 86400))
        default:
            XCTAssertEqual(c.pass, "active", c.name)
        }
        var passage = item(temperature: Double(c.readings[0].tenths) / 10, direction: c.direction, at: c.readings[0].at)
        passage["mask"] = c.mask
        if c.readings.count > 1 {
            passage["remeasure"] = ["temperature": Double(c.readings[1].tenths) / 10, "takenAt": Self.time(c.readings[1].at)]
        }
        let response = try await w.g.guardA.send(.POST, "/api/v1/passages/batch", json: ["passages": [passage]])
        XCTAssertEqual(response.status, .ok, c.name)
        let result = try XCTUnwrap((try response.json()["results"] as? [[String: Any]])?.first)
        XCTAssertNil(result["error"], "\(c.name): \(result)")
        return result
    }
}
