import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import XCTVapor

final class CardReaderTests: XCTestCase {
    func card(_ overrides: [String: Any] = [:]) -> [String: Any] {
        var c: [String: Any] = ["cardType": "resident", "name": "田壮", "sex": "男", "ethnicity": "汉", "birthDate": "19791011",
                                "address": "河南省驻马店市确山县人民路1号", "issuingAuthority": "确山县公安局",
                                "validFrom": "2007.03.27", "validUntil": "2027.03.27", "idNumber": GateFixture.otherID]
        for (k, v) in overrides { c[k] = v }
        return c
    }

    /// Registers a reader for gate A through the admin page and returns its token.
    func registerReader(_ app: Application, _ g: GateFixture) async throws -> String {
        try await g.f.account(app, "admin.a", .communityAdmin, community: g.f.communityA)
        let web = WebClient(app)
        _ = try await web.login("admin.a")
        try await web.get("/admin/communities/\(g.f.communityA.id!.uuidString)")
        let page = try await web.post("/admin/communities/\(g.f.communityA.id!.uuidString)/devices",
                                      ["checkpointId": g.f.gateA.id!.uuidString, "name": "北门读卡器"])
        XCTAssertEqual(page.status, .created)
        let html = page.body.string
        let start = try XCTUnwrap(html.range(of: "id=\"device-token\">"))
        let token = String(html[start.upperBound...].prefix { $0 != "<" })
        XCTAssertTrue(token.hasPrefix("dev_"))
        return token
    }

    func testReaderPostReachesTheCheckpointScreenAndBecomesAPassage() async throws {
        try await TestApp.run { app in
            let g = try await GateFixture.make(app)
            let token = try await registerReader(app, g)
            try await g.registered(app, GateFixture.otherID)
            let screen = await app.live.subscribe(.checkpoint(g.f.gateA.id!), heartbeatSeconds: 3600)
            let reader = APIClient(app: app, token: token)
            let posted = try await reader.send(.POST, "/api/v1/id-card-reads", json: card())
            XCTAssertEqual(posted.status, .created, posted.body.string)
            let readID = try posted.json()["id"] as! String
            var iterator = screen.stream.makeAsyncIterator()
            let event = await iterator.next()
            XCTAssertEqual(event?.type, "card")
            XCTAssertTrue(event?.json.contains("确山县公安局") ?? false)
            XCTAssertTrue(event?.json.contains(readID) ?? false)
            await app.live.unsubscribe(screen)

            let device = try await ReaderDevice.query(on: app.db).first()!
            XCTAssertNotNil(device.lastSeenAt)
            do { let value = try await CardRead.query(on: app.db).first()!.payloadSealed.contains("田壮"); XCTAssertEqual(value, false) }

            var body = g.body(36.4, id: nil)
            body["cardReadId"] = readID
            let passage = try await g.guardA.send(.POST, "/api/v1/passages", json: body).json()
            XCTAssertEqual(passage["mode"] as? String, "reader")
            XCTAssertEqual(passage["decision"] as? String, "allow")
            XCTAssertEqual(passage["nameMasked"] as? String, "田*")
            body["clientRequestId"] = UUID().uuidString
            do { let value = try await g.guardA.send(.POST, "/api/v1/passages", json: body).errorCode; XCTAssertEqual(value, "unknown_card_read", "a read is used once") }

            let lookup = try await g.guardA.send(.POST, "/api/v1/people/lookup", json: ["checkpointId": g.f.gateA.id!.uuidString, "idNumber": GateFixture.otherID]).json()
            XCTAssertNil(lookup["card"], "what a card once said reaches the gate only from a live read")
            XCTAssertFalse(lookup.keys.contains("name"))
            XCTAssertEqual(lookup["division"] as? String, "河南省 驻马店地区 确山县")
        }
    }

    func testExpiredCardPassesWithAWarning() async throws {
        try await TestApp.run { app in
            let g = try await GateFixture.make(app)
            let reader = APIClient(app: app, token: try await registerReader(app, g))
            try await g.registered(app, GateFixture.otherID)
            let readID = try await reader.send(.POST, "/api/v1/id-card-reads", json: card(["validUntil": "2026.11.01"])).json()["id"] as! String
            var body = g.body(36.4, id: nil)
            body["cardReadId"] = readID
            let passage = try await g.guardA.send(.POST, "/api/v1/passages", json: body).json()
            XCTAssertEqual(passage["decision"] as? String, "allow")
            let reasons = passage["reasons"] as? [[String: Any]]
            XCTAssertEqual(reasons?.first?["code"] as? String, "id_card_expired")
            XCTAssertEqual(reasons?.first?["warning"] as? Bool, true)
        }
    }

    func testTheServerRevalidatesWhatReadersSend() async throws {
        try await TestApp.run { app in
            let g = try await GateFixture.make(app)
            let reader = APIClient(app: app, token: try await registerReader(app, g))
            for (override, code) in [
                (["idNumber": "412821197910110011"], "invalid_id_number"),
                (["birthDate": "19791012"], "birth_date_mismatch"),
                (["sex": "女"], "sex_mismatch"),
                (["cardType": "passport"], "invalid_card_type"),
                (["validUntil": "someday"], "invalid_validity"),
                (["photo": Data("not an image".utf8).base64EncodedString()], "invalid_photo"),
                (["name": ""], "invalid_name"),
            ] as [([String: Any], String)] {
                let r = try await reader.send(.POST, "/api/v1/id-card-reads", json: card(override))
                XCTAssertEqual(r.status, .unprocessableEntity, code)
                XCTAssertEqual(r.errorCode, code)
            }
            do { let value = try await CardRead.query(on: app.db).count(); XCTAssertEqual(value, 0) }
            do { let value = try await APIClient(app: app, token: "dev_forged").send(.POST, "/api/v1/id-card-reads", json: card()).status; XCTAssertEqual(value, .unauthorized) }
            do { let value = try await g.guardA.send(.POST, "/api/v1/id-card-reads", json: card()).status; XCTAssertEqual(value, .unauthorized, "a person's token is not a reader's") }
            let device = try await ReaderDevice.query(on: app.db).first()!
            let web = WebClient(app)
            _ = try await web.login("admin.a")
            try await web.get("/admin/communities/\(g.f.communityA.id!.uuidString)")
            try await web.post("/admin/devices/\(device.id!.uuidString)/revoke", [:])
            do { let value = try await reader.send(.POST, "/api/v1/id-card-reads", json: card()).status; XCTAssertEqual(value, .unauthorized) }
        }
    }

    func testAReaderFloodingTheServerIsSlowedDown() async throws {
        let clock = FixedWallClock(TestApp.today)
        try await TestApp.run(clock: clock) { app in
            let g = try await GateFixture.make(app)
            let reader = APIClient(app: app, token: try await registerReader(app, g))
            for _ in 0..<CardReadController.readsPerMinute {
                let status = try await reader.send(.POST, "/api/v1/id-card-reads", json: card()).status
                XCTAssertEqual(status, .created)
            }
            let flooded = try await reader.send(.POST, "/api/v1/id-card-reads", json: card())
            XCTAssertEqual(flooded.status, .tooManyRequests)
            XCTAssertEqual(flooded.errorCode, "reader_rate_limited")
            clock.advance(by: 61)
            let later = try await reader.send(.POST, "/api/v1/id-card-reads", json: card()).status
            XCTAssertEqual(later, .created)
        }
    }
}
