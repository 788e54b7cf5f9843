import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import SQLKit
import XCTVapor

final class PassageTests: XCTestCase {
    func testARegisteredPersonIsAllowedAndNeverAskedAgain() async throws {
        try await TestApp.run { app in
            let g = try await GateFixture.make(app)
            try await g.registered(app, GateFixture.idNumber)
            var first = g.body(36.5)
            first["name"] = "田壮"
            first["phone"] = "13812348058"
            let response = try await g.guardA.send(.POST, "/api/v1/passages", json: first)
            XCTAssertEqual(response.status, .created, response.body.string)
            let json = try response.json()
            XCTAssertEqual(json["decision"] as? String, "allow")
            XCTAssertEqual(json["status"] as? String, "normal")
            XCTAssertEqual(json["mode"] as? String, "typed")
            XCTAssertEqual(json["nameMasked"] as? String, "田*")
            XCTAssertEqual(json["phoneMasked"] as? String, "138****8058")
            XCTAssertEqual((json["reasons"] as? [Any])?.count, 0)

            let stored = try await Passage.query(on: app.db).first()!
            let guardUser = try await User.query(on: app.db).filter(\.$username == "guard.a").first()!
            XCTAssertEqual(stored.$operatorUser.id, guardUser.id, "谁检查、谁登记、谁负责")
            XCTAssertEqual(stored.$checkpoint.id, g.f.gateA.id)
            XCTAssertEqual(stored.recordedAt, TestApp.today)

            let lookup = try await g.guardA.send(.POST, "/api/v1/people/lookup", json: ["checkpointId": g.f.gateA.id!.uuidString, "idNumber": GateFixture.idNumber]).json()
            XCTAssertEqual(lookup["known"] as? Bool, true)
            XCTAssertEqual(lookup["registered"] as? Bool, true)
            XCTAssertEqual(lookup["nameMasked"] as? String, "田*")
            XCTAssertNil(lookup["name"], "never the full name")
            XCTAssertEqual(lookup["division"] as? String, "北京市 朝阳区")
            XCTAssertEqual(lookup["age"] as? Int, 76)

            let again = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(36.6, direction: "out")).json()
            XCTAssertEqual(again["decision"] as? String, "allow")
            XCTAssertEqual(again["nameMasked"] as? String, "田*")
            do { let value = try await Person.query(on: app.db).count(); XCTAssertEqual(value, 1) }
        }
    }

    func testUnregisteredPersonIsDenied() async throws {
        try await TestApp.run { app in
            let g = try await GateFixture.make(app)
            let json = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(36.5)).json()
            XCTAssertEqual(json["decision"] as? String, "deny")
            XCTAssertEqual((json["reasons"] as? [[String: Any]])?.first?["code"] as? String, "not_registered")
            XCTAssertTrue(((json["reasons"] as? [[String: Any]])?.first?["message"] as? String ?? "").contains("不予进入"))
        }
    }

    func testBadReadingsAndNumbersAreRefusedAndNothingIsStored() async throws {
        try await TestApp.run { app in
            let g = try await GateFixture.make(app)
            for (body, code, text) in [
                (g.body(28.5), "invalid_temperature", "34.0至42.5"),
                (g.body(43), "invalid_temperature", "重新测量"),
                (g.body(36.55), "invalid_temperature", "一位小数"),
                (g.body(36.5, id: "1101051949123100211"), "invalid_id_number", "19位"),
                (g.body(36.5, id: "110105194912310021"), "invalid_id_number", "校验位"),
                (g.body(36.5, id: nil), "identification_required", "只选一种"),
            ] {
                let r = try await g.guardA.send(.POST, "/api/v1/passages", json: body)
                XCTAssertEqual(r.status, .unprocessableEntity, code)
                XCTAssertEqual(r.errorCode, code)
                XCTAssertTrue(r.errorMessage?.contains(text) ?? false, "\(code): \(r.errorMessage ?? "")")
            }
            var noDirection = g.body(36.5)
            noDirection["direction"] = "sideways"
            do { let value = try await g.guardA.send(.POST, "/api/v1/passages", json: noDirection).errorCode; XCTAssertEqual(value, "invalid_direction") }
            var missing = g.body(36.5)
            missing["temperature"] = nil
            let r = try await g.guardA.send(.POST, "/api/v1/passages", json: missing)
            XCTAssertEqual(r.status, .unprocessableEntity)
            XCTAssertTrue(r.errorMessage?.contains("temperature") ?? false)
            do { let value = try await Passage.query(on: app.db).count(); XCTAssertEqual(value, 0) }
            do { let value = try await Person.query(on: app.db).count(); XCTAssertEqual(value, 0) }
        }
    }

    func testThePassageIsReadAsJSONInAnyCaseOfItsTypeAndAsAForm() async throws {
        try await TestApp.run { app in
            let g = try await GateFixture.make(app)
            try await g.registered(app, GateFixture.idNumber)
            let json = try JSONSerialization.data(withJSONObject: g.body(36.5))
            let typed = try await g.guardA.send(.POST, "/api/v1/passages", raw: json, contentType: "Application/JSON; charset=utf-8")
            XCTAssertEqual(typed.status, .created, typed.body.string)
            var form = "checkpointId=\(g.f.gateA.id!.uuidString)&direction=out&temperature=36.6&mask=true"
            form += "&clientRequestId=\(UUID().uuidString)&idNumber=\(GateFixture.idNumber)"
            let posted = try await g.guardA.send(.POST, "/api/v1/passages", raw: Data(form.utf8),
                                                 contentType: "application/x-www-form-urlencoded")
            XCTAssertEqual(posted.status, .created, posted.body.string)
            let broken = try await g.guardA.send(.POST, "/api/v1/passages", raw: Data("{\"checkpointId\":".utf8),
                                                 contentType: "application/json")
            XCTAssertEqual(broken.status, .unprocessableEntity)
            XCTAssertEqual(broken.errorMessage, "请求内容无法解析")
            do { let value = try await Passage.query(on: app.db).count(); XCTAssertEqual(value, 2) }
        }
        XCTAssertTrue(PassageInput.isJSON("application/json"))
        XCTAssertTrue(PassageInput.isJSON("APPLICATION/Json;charset=utf-8"))
        XCTAssertFalse(PassageInput.isJSON("application/jsonp"))
        XCTAssertFalse(PassageInput.isJSON("application/json-patch+json"))
        XCTAssertFalse(PassageInput.isJSON("text/plain"))
        XCTAssertFalse(PassageInput.isJSON("application/jso"))
    }

    func testARetryNeverCreatesASecondRecord() async throws {
        try await TestApp.run { app in
            let g = try await GateFixture.make(app)
            let id = UUID()
            let first = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(36.5, requestID: id))
            let second = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(36.5, requestID: id))
            XCTAssertEqual(first.status, .created)
            XCTAssertEqual(second.status, .ok)
            XCTAssertEqual(try first.json()["id"] as? String, try second.json()["id"] as? String)
            do { let value = try await Passage.query(on: app.db).count(); XCTAssertEqual(value, 1) }
            let stolen = try await g.guardB.send(.POST, "/api/v1/passages", json: g.body(36.5, requestID: id, gate: g.f.gateB))
            XCTAssertEqual(stolen.status, .conflict)
        }
    }

    func testNoMaskDeniesUntilMasked() async throws {
        try await TestApp.run { app in
            let g = try await GateFixture.make(app)
            try await g.registered(app, GateFixture.idNumber)
            let json = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(36.5, mask: false)).json()
            XCTAssertEqual(json["decision"] as? String, "deny")
            XCTAssertEqual((json["reasons"] as? [[String: Any]])?.map { $0["code"] as? String }, ["no_mask"])
            let masked = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(36.5)).json()
            XCTAssertEqual(masked["decision"] as? String, "allow")
        }
    }

    func testFeverReMeasureAfterTheRestThenReferAndAlert() async throws {
        let clock = FixedWallClock(TestApp.today)
        try await TestApp.run(clock: clock) { app in
            let g = try await GateFixture.make(app)
            try await g.registered(app, GateFixture.idNumber)
            let hub = app.live
            let alerts = await hub.subscribe(.community(g.f.communityA.id!), heartbeatSeconds: 3600)
            let first = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(37.6)).json()
            XCTAssertEqual(first["decision"] as? String, "refer")
            XCTAssertEqual(first["status"] as? String, "abnormal")
            XCTAssertEqual(first["awaitingRemeasure"] as? Bool, true)
            XCTAssertEqual((first["reasons"] as? [[String: Any]])?.first?["code"] as? String, "remeasure_required")
            do { let value = try await FeverCase.query(on: app.db).count(); XCTAssertEqual(value, 0, "one high reading is not yet a fever") }
            let id = first["id"] as! String

            clock.advance(by: 120)
            let early = try await g.guardA.send(.POST, "/api/v1/passages/\(id)/remeasure", json: ["temperature": 37.5])
            XCTAssertEqual(early.status, .unprocessableEntity)
            XCTAssertEqual(early.errorCode, "rest_not_over")
            XCTAssertTrue(early.errorMessage?.contains("3分钟") ?? false, early.errorMessage ?? "")

            clock.advance(by: 180)
            let second = try await g.guardA.send(.POST, "/api/v1/passages/\(id)/remeasure", json: ["temperature": 37.8]).json()
            XCTAssertEqual(second["decision"] as? String, "refer")
            XCTAssertEqual((second["reasons"] as? [[String: Any]])?.first?["code"] as? String, "fever")
            XCTAssertEqual(second["readings"] as? [Double], [37.6, 37.8])
            XCTAssertEqual(second["awaitingRemeasure"] as? Bool, false)
            let cases = try await FeverCase.query(on: app.db).all()
            XCTAssertEqual(cases.count, 1)
            XCTAssertEqual(cases.first?.status, "confirmed")
            XCTAssertEqual(cases.first?.temperatureTenths, 378)

            var received: [LiveEvent] = []
            for await event in alerts.stream {
                received.append(event)
                if event.type == "alert" { break }
            }
            XCTAssertEqual(received.map(\.type), ["passage", "passage", "alert"])
            XCTAssertTrue(received.last!.json.contains("幸福北门"))
            await hub.unsubscribe(alerts)

            let twice = try await g.guardA.send(.POST, "/api/v1/passages/\(id)/remeasure", json: ["temperature": 36.8])
            XCTAssertEqual(twice.status, .conflict)
        }
    }

    func testANormalReMeasureLetsThrough() async throws {
        let clock = FixedWallClock(TestApp.today)
        try await TestApp.run(clock: clock) { app in
            let g = try await GateFixture.make(app)
            try await g.registered(app, GateFixture.idNumber)
            let first = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(37.4)).json()
            clock.advance(by: 300)
            let second = try await g.guardA.send(.POST, "/api/v1/passages/\(first["id"] as! String)/remeasure", json: ["temperature": 36.9]).json()
            XCTAssertEqual(second["decision"] as? String, "allow")
            XCTAssertEqual(second["status"] as? String, "normal")
            do { let value = try await FeverCase.query(on: app.db).count(); XCTAssertEqual(value, 0) }
        }
    }

    func testTheCommunityThresholdApplies() async throws {
        try await TestApp.run { app in
            let g = try await GateFixture.make(app)
            try await g.registered(app, GateFixture.idNumber)
            g.f.communityA.feverThresholdTenths = 375
            try await g.f.communityA.save(on: app.db)
            let json = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(37.4)).json()
            XCTAssertEqual(json["decision"] as? String, "allow")
        }
    }

    func testAPassageCannotExistWithoutOperatorAndCheckpoint() async throws {
        try await TestApp.run { app in
            let g = try await GateFixture.make(app)
            _ = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(36.5))
            let sql = app.db as! any SQLDatabase
            do {
                try await sql.raw("UPDATE passages SET operator_id = NULL").run()
                XCTFail("operator_id accepted NULL")
            } catch {}
            do {
                try await sql.raw("UPDATE passages SET checkpoint_id = NULL").run()
                XCTFail("checkpoint_id accepted NULL")
            } catch {}
        }
    }
}
