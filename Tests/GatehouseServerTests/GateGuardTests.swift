import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import XCTVapor

/// The gate as a guard lives it: no way round the re-measure, readings too low to believe, registrations only the
/// office makes, and lists that name who recorded each passage.
final class GateGuardTests: XCTestCase {
    func lookup(_ g: GateFixture, _ id: String = GateFixture.idNumber) async throws -> [String: Any] {
        try await g.guardA.send(.POST, "/api/v1/people/lookup", json: ["checkpointId": g.f.gateA.id!.uuidString, "idNumber": id]).json()
    }

    func testAPendingReMeasureIsFoundAtEveryIdentificationAndNoNewPassageIsTakenMeanwhile() async throws {
        let clock = FixedWallClock(TestApp.today)
        try await TestApp.run(clock: clock) { app in
            let g = try await GateFixture.make(app)
            try await g.registered(app, GateFixture.idNumber)
            let first = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(37.5)).json()
            let id = first["id"] as! String
            XCTAssertEqual(first["awaitingRemeasure"] as? Bool, true)

            // Read the card again (or reload and type the number): the card shows the pending re-measure.
            let seen = try await lookup(g)
            let pending = try XCTUnwrap(seen["pendingRemeasure"] as? [String: Any])
            XCTAssertEqual(pending["passageId"] as? String, id)
            XCTAssertEqual(pending["firstReading"] as? Double, 37.5)
            XCTAssertNotNil(pending["remeasureAfter"] as? String)

            // A plain new passage is refused by the server, naming the passage to re-measure, whatever the reading.
            clock.advance(by: 60)
            for reading in [37.0, 36.5] {
                let again = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(reading))
                XCTAssertEqual(again.status, .conflict, again.body.string)
                XCTAssertEqual(again.errorCode, "remeasure_pending")
                XCTAssertTrue(again.errorMessage?.contains("4:00") ?? false, again.errorMessage ?? "")
                XCTAssertEqual((try again.json()["error"] as? [String: Any])?["passageId"] as? String, id)
            }
            // Going the other way does not help either.
            let out = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(36.5, direction: "out"))
            XCTAssertEqual(out.errorCode, "remeasure_pending")
            do { let value = try await Passage.query(on: app.db).count(); XCTAssertEqual(value, 1, "nothing new stored") }

            // The re-measure decides; then the person passes as usual.
            clock.advance(by: 300)
            let decided = try await g.guardA.send(.POST, "/api/v1/passages/\(id)/remeasure", json: ["temperature": 36.9]).json()
            XCTAssertEqual(decided["decision"] as? String, "allow")
            let pendingAfterwards = try await lookup(g)["pendingRemeasure"] as? [String: Any]
            XCTAssertNil(pendingAfterwards)
            let later = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(36.6, direction: "out"))
            XCTAssertEqual(later.status, .created, later.body.string)
        }
    }

    func testAPassHoldersPendingReMeasureStopsTheNextScanOnTheHotPath() async throws {
        let clock = FixedWallClock(TestApp.today + 2 * 3600)
        try await TestApp.run(clock: clock) { app in
            let w = try await world(app)
            let passes = try await householdPasses(app, w)
            let token = try await token(w, passes["8栋1单元101室"]!)
            func scan(_ reading: Double) async throws -> XCTHTTPResponse {
                var body = w.g.body(reading, id: nil)
                body["passCode"] = token
                return try await w.g.guardA.send(.POST, "/api/v1/passages", json: body)
            }
            let first = try await scan(37.6).json()
            XCTAssertEqual(first["awaitingRemeasure"] as? Bool, true)
            let card = try await w.g.guardA.send(.POST, "/api/v1/passes/scan", json: ["checkpointId": w.g.f.gateA.id!.uuidString, "code": token]).json()
            XCTAssertEqual((card["pendingRemeasure"] as? [String: Any])?["passageId"] as? String, first["id"] as? String)
            let again = try await scan(36.5)
            XCTAssertEqual(again.status, .conflict, again.body.string)
            XCTAssertEqual(again.errorCode, "remeasure_pending")
        }
    }

    func testAReadingTooLowToBelieveIsMeasuredAgainAndTheCommunityMaySetTheLimit() async throws {
        try await TestApp.run { app in
            let g = try await GateFixture.make(app)
            try await g.registered(app, GateFixture.idNumber)
            let cold = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(34.8))
            XCTAssertEqual(cold.status, .unprocessableEntity)
            XCTAssertEqual(cold.errorCode, "temperature_too_low")
            XCTAssertTrue(cold.errorMessage?.contains("手腕") ?? false, cold.errorMessage ?? "")
            do { let value = try await Passage.query(on: app.db).count(); XCTAssertEqual(value, 0, "a cold reading is never stored") }

            let community = try await Community.find(g.f.communityA.id, on: app.db)!
            community.lowestReadingTenths = 345
            try await community.save(on: app.db)
            let accepted = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(34.8))
            XCTAssertEqual(accepted.status, .created, accepted.body.string)
            XCTAssertEqual(GateService.feverRule(thresholdTenths: 373, restSeconds: 300, lowestTenths: 200).lowest.tenths, 350,
                           "an impossible setting reads as the standard one")
        }
    }

    func testQuickReadingsFollowTheThreshold() {
        let standard = FeverRule.standard.quickReadings.map(\.description)
        XCTAssertEqual(standard.first, "36.0")
        XCTAssertEqual(standard.last, "37.2")
        XCTAssertTrue(standard.contains("36.1"))
        XCTAssertEqual(standard.count, 13)
        let strict = FeverRule(threshold: try! BodyTemperature(tenths: 370), restSeconds: 300).quickReadings.map(\.description)
        XCTAssertEqual(strict.last, "36.9")
    }

    func testAnOperatorProposesARegistrationAndTheOfficeConfirmsIt() async throws {
        try await TestApp.run { app in
            let g = try await GateFixture.make(app)
            let adminUser = try await g.f.account(app, "admin.a", .communityAdmin, community: g.f.communityA)
            var body = g.body(36.5, register: true)
            body["name"] = "田壮"
            let proposed = try await g.guardA.send(.POST, "/api/v1/passages", json: body).json()
            XCTAssertEqual(proposed["decision"] as? String, "deny", "an operator cannot make a stranger a resident")
            XCTAssertEqual((proposed["reasons"] as? [[String: Any]])?.first?["code"] as? String, "registration_proposed_waits")
            let seen = try await lookup(g)
            XCTAssertEqual(seen["registered"] as? Bool, false)
            XCTAssertEqual(seen["registrationProposed"] as? Bool, true)
            // Ticking it again proposes nothing new.
            _ = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(36.5, register: true))
            do { let value = try await RegistrationProposal.query(on: app.db).count(); XCTAssertEqual(value, 1) }

            // The community may let proposed people through meanwhile: allowed, marked as waiting for the office.
            let community = try await Community.find(g.f.communityA.id, on: app.db)!
            community.admitProposed = true
            try await community.save(on: app.db)
            let meanwhile = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(36.5)).json()
            XCTAssertEqual(meanwhile["decision"] as? String, "allow")
            XCTAssertEqual((meanwhile["reasons"] as? [[String: Any]])?.first?["code"] as? String, "registration_proposed")

            // The office sees who proposed it at which gate, and confirms it into a household.
            let household = Household(address: try HouseholdAddress(building: "1", unit: "1", room: "101"), community: g.f.communityA.id!,
                                      by: adminUser.id!, now: app.gatehouse.clock.now())
            try await household.create(on: app.db)
            let office = WebClient(app)
            try await office.login("admin.a")
            let page = try await office.get("/admin/communities/\(g.f.communityA.id!.uuidString)/registrations")
            XCTAssertTrue(page.body.string.contains("吴保安"), "who proposed it, by name")
            XCTAssertTrue(page.body.string.contains("幸福北门"))
            let proposal = try await RegistrationProposal.query(on: app.db).first()!
            let wrong = try await office.post("/admin/registration-proposals/\(proposal.id!.uuidString)/confirm", ["householdLabel": "9栋"])
            XCTAssertEqual(wrong.status, .unprocessableEntity)
            XCTAssertTrue(wrong.body.string.contains("请选择本社区已有的住户"))
            let confirmed = try await office.post("/admin/registration-proposals/\(proposal.id!.uuidString)/confirm",
                                                  ["householdLabel": household.label])
            XCTAssertEqual(confirmed.status, .seeOther, confirmed.body.string)
            let person = try await Person.query(on: app.db).first()!
            XCTAssertTrue(person.isRegistered)
            let guardID = try await User.query(on: app.db).filter(\.$username == "guard.a").first()!.id
            XCTAssertNotEqual(person.registeredBy, guardID)
            do { let value = try await Resident.query(on: app.db).filter(\.$household.$id == household.id!).count(); XCTAssertEqual(value, 1) }
            let now = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(36.5)).json()
            XCTAssertEqual(now["decision"] as? String, "allow")
            XCTAssertEqual((now["reasons"] as? [Any])?.count, 0)
            let twice = try await office.post("/admin/registration-proposals/\(proposal.id!.uuidString)/reject", ["reason": "重复"])
            XCTAssertEqual(twice.status, .conflict)
        }
    }

    func testTheOfficeRejectsAProposalWithAReasonAndAnAdminRegistersDirectly() async throws {
        try await TestApp.run { app in
            let g = try await GateFixture.make(app)
            try await g.f.account(app, "admin.a", .communityAdmin, community: g.f.communityA)
            _ = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(36.5, register: true))
            let office = WebClient(app)
            try await office.login("admin.a")
            _ = try await office.get("/admin/communities/\(g.f.communityA.id!.uuidString)/registrations")
            let proposal = try await RegistrationProposal.query(on: app.db).first()!
            let noReason = try await office.post("/admin/registration-proposals/\(proposal.id!.uuidString)/reject", ["reason": ""])
            XCTAssertEqual(noReason.status, .unprocessableEntity)
            let rejected = try await office.post("/admin/registration-proposals/\(proposal.id!.uuidString)/reject", ["reason": "非本小区住户"])
            XCTAssertEqual(rejected.status, .seeOther)
            let status = try await RegistrationProposal.find(proposal.id, on: app.db)?.status
            XCTAssertEqual(status, "rejected")
            let registered = try await Person.query(on: app.db).first()?.isRegistered
            XCTAssertEqual(registered, false)

            // A community admin at the gate registers directly (登记备案 is the office's).
            let admin = try await APIClient.signedIn(app, "admin.a")
            let direct = try await admin.send(.POST, "/api/v1/passages", json: g.body(36.5, id: GateFixture.otherID, register: true)).json()
            XCTAssertEqual(direct["decision"] as? String, "allow")
            let otherRegistered = try await lookup(g, GateFixture.otherID)["registered"] as? Bool
            XCTAssertEqual(otherRegistered, true)
        }
    }

    func testAMissedReMeasureIsFlaggedToTheOfficeAfterTheRestAndTenMinutes() async throws {
        let clock = FixedWallClock(TestApp.today)
        try await TestApp.run(clock: clock) { app in
            let g = try await GateFixture.make(app)
            try await g.f.account(app, "admin.a", .communityAdmin, community: g.f.communityA)
            _ = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(37.9))
            let office = WebClient(app)
            try await office.login("admin.a")
            let path = "/admin/communities/\(g.f.communityA.id!.uuidString)"
            clock.advance(by: 300 + 9 * 60)
            let flaggedEarly = try await office.get(path).body.string.contains("remeasures-missed")
            XCTAssertFalse(flaggedEarly, "not yet: rest + 10 minutes")
            clock.advance(by: 2 * 60)
            let page = try await office.get(path).body.string
            XCTAssertTrue(page.contains("id=\"remeasures-missed\""), page)
            XCTAssertTrue(page.contains("体温偏高未复测"))
            XCTAssertTrue(page.contains("37.9℃"))
        }
    }

    func testListsNameTheDirectionTheDecisionTheGateAndWhoRecordedIt() async throws {
        let clock = FixedWallClock(TestApp.today + 6 * 3600 + 33 * 60 + 59)
        try await TestApp.run(clock: clock) { app in
            let g = try await GateFixture.make(app)
            _ = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(36.5))
            let web = WebClient(app)
            try await web.login("guard.a")
            try await web.get("/gate/shift-check")
            var headers = HTTPHeaders()
            headers.contentType = .urlEncodedForm
            headers.replaceOrAdd(name: .cookie, value: web.cookieHeader)
            let items = ShiftCheckItem.allCases.map { "items[]=\($0.rawValue)" }.joined(separator: "&")
            _ = try await app.testable().sendRequest(.POST, "/gate/shift-check", headers: headers,
                                                     body: ByteBuffer(string: items + "&_csrf=" + (web.csrf ?? "")))
            for path in ["/gate", "/records"] {
                let page = try await web.get(path).body.string
                let row = try XCTUnwrap(page.range(of: "<tr class=\"normal d-deny\"").map { String(page[$0.lowerBound...].prefix(1200)) }, path)
                XCTAssertTrue(row.contains("不予放行"), "a refused person is not 正常: \(row)")
                XCTAssertTrue(row.contains(">进<"), row)
                XCTAssertTrue(row.contains("吴保安"), "who recorded it, by name: \(row)")
                XCTAssertTrue(row.contains("幸福北门"), row)
                XCTAssertTrue(row.contains(ChinaTime.text(clock.now(), "MM-dd HH:mm:ss")), row)
                XCTAssertFalse(row.contains(ChinaTime.text(clock.now(), "yyyy")), "no year for this year's rows: \(row)")
            }
        }
    }

    func testAVisitorGoingOutIsToldTheVisitEndsNotThatItIsOver() {
        let now = Date()
        let out = EntryPolicy().decide(EntryRequest(direction: .out, standing: .visitOver,
                                                    readings: [TemperatureReading(value: try! BodyTemperature(tenths: 365), takenAt: now)],
                                                    wearsMask: true, now: now))
        XCTAssertEqual(out.decision, .allow)
        XCTAssertEqual(out.reasons.map(\.code), ["visitor_leaving"])
    }

    func testStaticFilesAreKeptByTheirContentHashAndPagesCarryOnlyTheirScriptsStrings() async throws {
        try await TestApp.run { app in
            let versioned = try XCTUnwrap(AssetURLs.table["js_gate_js"])
            XCTAssertTrue(versioned.hasPrefix("/js/gate.js?v="), versioned)
            let kept = try await app.testable().sendRequest(.GET, versioned)
            XCTAssertEqual(kept.status, .ok)
            XCTAssertEqual(kept.headers.first(name: .cacheControl), "public, max-age=31536000, immutable")
            let stale = try await app.testable().sendRequest(.GET, "/js/gate.js?v=000000")
            XCTAssertEqual(stale.headers.first(name: .cacheControl), "no-cache", "an old version's address is revalidated")
            let plain = try await app.testable().sendRequest(.GET, "/css/app.css")
            XCTAssertEqual(plain.headers.first(name: .cacheControl), "no-cache")

            let gate = Strings.json(.zh, forScripts: ["gate.js", "records.js"])
            XCTAssertTrue(gate.contains("\"submitting\""))
            XCTAssertTrue(gate.contains("\"status_remeasure\""))
            XCTAssertFalse(gate.contains("\"registration_proposals_hint\""), "an office page's text is not sent to the gate")
            for key in Strings.keys(usedBy: "gate.js") + Strings.keys(usedBy: "records.js") {
                XCTAssertNotEqual(Strings.text(key, .zh), key, "the gate's script reads a key the catalog lacks: \(key)")
            }
        }
    }

    func testAnotherCommunitysPassIsNamedAtTheScan() async throws {
        try await TestApp.run { app in
            let w = try await world(app)
            let token = try await token(w, try await householdPasses(app, w)["8栋1单元101室"]!)
            let card = try await w.g.guardB.send(.POST, "/api/v1/passes/scan", json: ["checkpointId": w.g.f.gateB.id!.uuidString, "code": token]).json()
            let refusal = card["refusal"] as? [String: Any]
            XCTAssertEqual(refusal?["code"] as? String, "pass_wrong_community")
            XCTAssertTrue((refusal?["message"] as? String ?? "").contains("幸福社区"), "\(refusal ?? [:])")
        }
    }
}
