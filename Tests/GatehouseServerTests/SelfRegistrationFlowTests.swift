import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import XCTVapor

final class SelfRegistrationFlowTests: XCTestCase {
    static let visitor = ["name": "赵六", "phone": "13700001234", "building": "8", "unit": "1", "room": "101", "visitPurpose": "探望"]

    /// Submits the poster form of `gate` as a phone would; returns the response (303 to the status link on success).
    func register(_ app: Application, _ gate: Checkpoint, _ category: String, _ fields: [String: String],
                  web: WebClient? = nil) async throws -> XCTHTTPResponse {
        let client = web ?? WebClient(app)
        try await client.get("/r/\(gate.registrationCode!)/\(category)")
        return try await client.post("/r/\(gate.registrationCode!)/\(category)", fields)
    }

    /// The 6-digit code shown on the status page the submission redirected to.
    func submitted(_ app: Application, _ response: XCTHTTPResponse) async throws -> (code: String, statusPath: String) {
        XCTAssertEqual(response.status, .seeOther, response.body.string)
        let path = try XCTUnwrap(response.headers.first(name: .location))
        let page = try await WebClient(app).get(path).body.string
        let range = try XCTUnwrap(page.range(of: "id=\"registration-code\">"))
        return (String(page[range.upperBound...].prefix(6)), path)
    }

    func passage(_ w: PassWorld, _ code: String, _ direction: String = "in", temperature: Double = 36.5) async throws -> [String: Any] {
        var body = w.g.body(temperature, id: nil, direction: direction)
        body["registrationCode"] = code
        let response = try await w.g.guardA.send(.POST, "/api/v1/passages", json: body)
        XCTAssertEqual(response.status, .created, response.body.string)
        return try response.json()
    }

    func reasons(_ json: [String: Any]) -> [String] { (json["reasons"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String } }

    func scan(_ w: PassWorld, _ code: String, client: APIClient? = nil) async throws -> XCTHTTPResponse {
        try await (client ?? w.g.guardA).send(.POST, "/api/v1/registrations/scan", json: ["checkpointId": w.g.f.gateA.id!.uuidString, "code": code])
    }

    func testVisitorIsRefusedWithoutAHostAndAdmittedForThatVisitAndDayWithOne() async throws {
        let clock = FixedWallClock(TestApp.today)
        try await TestApp.run(clock: clock) { app in
            let w = try await world(app)
            let passes = try await householdPasses(app, w)
            let (code, statusPath) = try await submitted(app, try await register(app, w.g.f.gateA, "visitor", Self.visitor))

            let scanned = try await scan(w, code).json()
            XCTAssertEqual(scanned["standing"] as? String, "visitorWithoutHost")
            XCTAssertEqual(scanned["needsHost"] as? Bool, true)
            XCTAssertEqual(scanned["householdLabel"] as? String, "8栋1单元101室")
            let refused = try await passage(w, code)
            XCTAssertEqual(refused["decision"] as? String, "deny")
            XCTAssertEqual(reasons(refused), ["visitor_needs_host"])

            let registrationID = scanned["id"] as! String
            func vouch(_ passCode: String) async throws -> XCTHTTPResponse {
                try await w.g.guardA.send(.POST, "/api/v1/registrations/\(registrationID)/vouch",
                                          json: ["checkpointId": w.g.f.gateA.id!.uuidString, "passCode": passCode])
            }
            let neighbour = try await vouch(try await token(w, passes["8栋1单元102室"]!))
            XCTAssertEqual(neighbour.status, .unprocessableEntity)
            XCTAssertEqual(try neighbour.json()["error"].flatMap { ($0 as? [String: Any])?["code"] as? String }, "host_other_household")
            let host = try await vouch(try await token(w, passes["8栋1单元101室"]!))
            XCTAssertEqual(host.status, .ok, host.body.string)
            XCTAssertEqual(try host.json()["standing"] as? String, "visitorEscorted")

            let admitted = try await passage(w, code)
            XCTAssertEqual(admitted["decision"] as? String, "allow")
            XCTAssertEqual(reasons(admitted), ["visitor_escorted"])
            let visit = try await Visit.query(on: app.db).first()
            XCTAssertEqual(visit?.vouchedVia, "gate")
            XCTAssertNotNil(visit?.vouchOperatorID)
            XCTAssertEqual(visit?.entryPassageID?.uuidString, admitted["id"] as? String)
            let again = try await passage(w, code)
            XCTAssertEqual(reasons(again), ["visit_over"])

            // Still inside at the end of the day: the office sees it, marked from an earlier day the next morning.
            let office = WebClient(app)
            try await office.login("admin.a")
            let overviewPath = "/admin/communities/\(w.g.f.communityA.id!.uuidString)/registrations"
            var page = try await office.get(overviewPath).body.string
            XCTAssertTrue(page.contains("赵*"), page)
            XCTAssertFalse(page.contains("data-earlier=\"1\""))
            clock.advance(by: 86_400)
            page = try await office.get(overviewPath).body.string
            XCTAssertTrue(page.contains("data-earlier=\"1\""))
            // The code was for that day only, but a visitor still inside can always be let out with it.
            let guardNextDay = try await APIClient.signedIn(app, "guard.a")
            var exit = w.g.body(36.5, id: nil, direction: "out")
            exit["registrationCode"] = code
            let out = try await guardNextDay.send(.POST, "/api/v1/passages", json: exit).json()
            XCTAssertEqual(out["decision"] as? String, "allow")
            let expired = try await scan(w, code, client: guardNextDay)
            XCTAssertEqual(try expired.json()["error"].flatMap { ($0 as? [String: Any])?["code"] as? String }, "registration_expired")
            let left = try await Visit.query(on: app.db).first()
            XCTAssertNotNil(left?.exitedAt)
            let awaited1 = try await WebClient(app).get(statusPath).body.string.contains("本次来访已结束")
            XCTAssertTrue(awaited1)
        }
    }

    func testVisitorVouchedFromTheResidentsPhone() async throws {
        try await TestApp.run { app in
            let w = try await world(app)
            _ = try await householdPasses(app, w)
            let (code, _) = try await submitted(app, try await register(app, w.g.f.gateA, "visitor", Self.visitor))
            let household = try await Household.query(on: app.db).filter(\.$label == "8栋1单元101室").first()!
            let resident = try await Resident.query(on: app.db).filter(\.$household.$id == household.id!).first()!
            let inbox = try await HouseholdInbox.load(household, services: app.gatehouse, language: .zh, on: app.db)
            XCTAssertEqual(inbox.visits.map(\.state), ["waiting"])
            let visit = try await Visit.find(inbox.visits[0].id, on: app.db)!
            // Nobody visits a household under home quarantine, whoever vouches.
            household.homeQuarantine = true
            try await household.save(on: app.db)
            let awaited1 = try await passage(w, code)
            XCTAssertEqual(reasons(awaited1), ["visit_household_quarantined"])
            household.homeQuarantine = false
            try await household.save(on: app.db)
            let other = try await Resident.query(on: app.db).filter(\.$household.$id != household.id!).first()!
            do {
                try await VisitVouching(services: app.gatehouse, db: app.db).fromApp(visit, resident: other, user: w.g.f.gateA.id!)
                XCTFail("another household's resident vouched")
            } catch {}
            let userID = try await User.query(on: app.db).first()!.id!
            try await VisitVouching(services: app.gatehouse, db: app.db).fromApp(visit, resident: resident, user: userID)
            let admitted = try await passage(w, code)
            XCTAssertEqual(admitted["decision"] as? String, "allow")
            let stored = try await Visit.find(visit.id, on: app.db)
            XCTAssertEqual(stored?.vouchedVia, "app")
            XCTAssertEqual(stored?.vouchedByResidentID, resident.id)
        }
    }

    func testCourierIsNeverAdmittedAndTheHouseholdGetsAPickupWindow() async throws {
        try await TestApp.run { app in
            let w = try await world(app)
            _ = try await householdPasses(app, w)
            // The household may go out once in two days: a courier's or visitor's passage must not use that up.
            let cid = w.g.f.communityA.id!.uuidString
            let quota = try await w.admin.send(.PUT, "/api/v1/communities/\(cid)/outing-quota",
                                               json: ["enabled": true, "scope": "household", "exits": 1, "days": 2, "fromHour": 0, "toHour": 24])
            XCTAssertEqual(quota.status, .noContent)
            let rider = ["platform": "美团", "name": "孙七", "phone": "13600002222", "building": "8", "unit": "1", "room": "102"]
            let unknown = try await register(app, w.g.f.gateA, "courier", rider.merging(["room": "999"]) { $1 })
            XCTAssertEqual(unknown.status, .unprocessableEntity)
            XCTAssertTrue(unknown.body.string.contains("本小区没有这个住户"))
            let (code, statusPath) = try await submitted(app, try await register(app, w.g.f.gateA, "courier", rider))
            let scanned = try await scan(w, code).json()
            XCTAssertEqual(scanned["standing"] as? String, "courier")
            XCTAssertEqual((scanned["instruction"] as? [String: Any])?["code"] as? String, "courier_no_entry")
            for direction in ["in", "out"] {
                let json = try await passage(w, code, direction)
                XCTAssertEqual(json["decision"] as? String, "deny")
                XCTAssertEqual(reasons(json), ["courier_no_entry"])
            }
            let passages = try await Passage.query(on: app.db).all()
            XCTAssertTrue(passages.allSatisfy { $0.householdID == nil && $0.registrationID != nil }, "a courier's passage is not the household's")
            let deliveries = try await Delivery.query(on: app.db).all()
            XCTAssertEqual(deliveries.count, 1, "one hand-over, however often the code is scanned")
            let d = deliveries[0]
            XCTAssertEqual(d.platform, "美团")
            XCTAssertEqual(d.riderPhoneMasked, "136****2222")
            XCTAssertEqual(d.windowStart, TestApp.today, "08:00 is a window boundary: the window starts now")
            XCTAssertEqual(d.windowEnd, TestApp.today + 1800)
            let household = try await Household.find(d.householdID, on: app.db)!
            XCTAssertEqual(household.label, "8栋1单元102室")
            let inbox = try await HouseholdInbox.load(household, services: app.gatehouse, language: .zh, on: app.db)
            XCTAssertEqual(inbox.deliveries.map(\.window), ["08:00–08:30"])
            let awaited2 = try await WebClient(app).get(statusPath).body.string.contains("已登记投递")
            XCTAssertTrue(awaited2)
        }
    }

    func testPassApplicationWaitsForTheOfficeAndGivesAPassOnApproval() async throws {
        try await TestApp.run { app in
            let w = try await world(app)
            let fields = ["name": "周八", "phone": "13500003333", "idNumber": "11010519491231002X", "building": "9", "room": "201"]
            let (code, statusPath) = try await submitted(app, try await register(app, w.g.f.gateA, "resident", fields))
            let waiting = try await passage(w, code)
            XCTAssertEqual(reasons(waiting), ["awaiting_confirmation"])
            let awaited3 = try await WebClient(app).get(statusPath).body.string.contains("等待社区审核")
            XCTAssertTrue(awaited3)

            let office = WebClient(app)
            try await office.login("admin.a")
            let overview = try await office.get("/admin/communities/\(w.g.f.communityA.id!.uuidString)/registrations").body.string
            XCTAssertTrue(overview.contains("110***********002X"), overview)
            let registration = try await SelfRegistration.query(on: app.db).first()!
            let noReason = try await office.post("/admin/registrations/\(registration.id!)/reject", ["reason": " "])
            XCTAssertEqual(noReason.status, .unprocessableEntity)
            XCTAssertTrue(noReason.body.string.contains("请填写不通过的理由"))
            let approved = try await office.post("/admin/registrations/\(registration.id!)/approve", [:])
            XCTAssertEqual(approved.status, .seeOther, approved.body.string)
            let again = try await office.post("/admin/registrations/\(registration.id!)/approve", [:])
            XCTAssertEqual(again.status, .conflict)

            let household = try await Household.query(on: app.db).filter(\.$label == "9栋201室").first()
            XCTAssertNotNil(household)
            let pass = try await Pass.query(on: app.db).first()
            XCTAssertEqual(pass?.kind, PassKind.personal.code)
            let status = try await WebClient(app).get(statusPath).body.string
            XCTAssertTrue(status.contains("id=\"approved-pass\""))
            let admitted = try await passage(w, code)
            XCTAssertEqual(admitted["decision"] as? String, "allow")
            // Another community's admin cannot decide it.
            let other = WebClient(app)
            try await other.login("admin.b")
            let refused = try await other.post("/admin/registrations/\(registration.id!)/reject", ["reason": "不认识"])
            XCTAssertEqual(refused.status, .notFound)
        }
    }

    func testReturneeReportLinksTheMemberAndClearsTheReminder() async throws {
        try await TestApp.run { app in
            let w = try await world(app)
            _ = try await householdPasses(app, w)
            let household = try await Household.query(on: app.db).filter(\.$label == "8栋1单元101室").first()!
            let member = try await Resident.query(on: app.db).filter(\.$household.$id == household.id!).first()!
            member.returningOn = "2026-11-22"
            try await member.save(on: app.db)
            var inbox = try await HouseholdInbox.load(household, services: app.gatehouse, language: .zh, on: app.db)
            XCTAssertEqual(inbox.reminders.count, 1)
            XCTAssertEqual(inbox.returneeFormURL, "/r/\(w.g.f.gateA.registrationCode!)/returnee")

            // The form marks the transport number required exactly when it is: unless the transport is "other".
            let form = try await WebClient(app).get("/r/\(w.g.f.gateA.registrationCode!)/returnee").body.string
            let label = try XCTUnwrap(form.range(of: "<label for=\"transportNumber\">").map { String(form[$0.lowerBound...].prefix(200)) })
            XCTAssertTrue(label.contains("交通方式选“其他”时可不填"), label)
            XCTAssertFalse(label.contains("选填"), label)

            let person = try await Person.find(member.$person.id, on: app.db)!
            let idNumber = try app.gatehouse.sealer.open(person.idNumberSealed!, context: "person.id_number")
            let report = ["name": "张三", "phone": "13812340001", "idNumber": idNumber, "building": "8", "unit": "1", "room": "101",
                          "origin": "420106", "arrivalDate": "2026-11-22", "transport": "plane", "transportNumber": "CA1234",
                          "symptoms[]": "none"]
            let (code, _) = try await submitted(app, try await register(app, w.g.f.gateA, "returnee", report))
            let stored = try await ReturneeReport.query(on: app.db).first()
            XCTAssertEqual(stored?.residentID, member.id)
            XCTAssertEqual(stored?.monitoringUntil, "2026-12-06")
            XCTAssertEqual(stored?.originCode, "420106")
            inbox = try await HouseholdInbox.load(household, services: app.gatehouse, language: .zh, on: app.db)
            XCTAssertEqual(inbox.reminders.count, 0)
            let awaited4 = try await passage(w, code)["decision"] as? String
            XCTAssertEqual(awaited4, "allow")

            // Someone who is not a member of the household they name reports too, but is not let in on it.
            let stranger = report.merging(["name": "钱九", "phone": "13400004444", "idNumber": "412821197910110010"]) { $1 }
            let (strangerCode, _) = try await submitted(app, try await register(app, w.g.f.gateA, "returnee", stranger))
            let awaited5 = try await passage(w, strangerCode)
            XCTAssertEqual(reasons(awaited5), ["not_registered"])
        }
    }

    func testOnlyAnOperatorOfThatGateTurnsARegistrationIntoAPassage() async throws {
        try await TestApp.run { app in
            let w = try await world(app)
            _ = try await householdPasses(app, w)
            let north = try await OrganisationEditing(services: app.gatehouse, db: app.db)
                .addCheckpoint(name: "幸福南门", isOpen: false, community: w.g.f.communityA)
            let (code, _) = try await submitted(app, try await register(app, north, "visitor", Self.visitor))
            let otherGate = try await scan(w, code)
            XCTAssertEqual(try otherGate.json()["error"].flatMap { ($0 as? [String: Any])?["code"] as? String }, "registration_other_gate")
            var body = w.g.body(36.5, id: nil)
            body["registrationCode"] = code
            let awaited6 = try await w.g.guardA.send(.POST, "/api/v1/passages", json: body).status
            XCTAssertEqual(awaited6, .unprocessableEntity)
            let otherCommunity = try await w.g.guardB.send(.POST, "/api/v1/registrations/scan",
                                                           json: ["checkpointId": w.g.f.gateB.id!.uuidString, "code": code])
            XCTAssertEqual(try otherCommunity.json()["error"].flatMap { ($0 as? [String: Any])?["code"] as? String }, "unknown_registration")
            // Guard B may not scan at gate A; nobody without sign-in may scan.
            let awaited7 = try await scan(w, code, client: w.g.guardB).status
            XCTAssertEqual(awaited7, .forbidden)
            let awaited8 = try await app.testable().sendRequest(.POST, "/api/v1/registrations/scan").status
            XCTAssertEqual(awaited8, .unauthorized)
            let awaited9 = try await Passage.query(on: app.db).count()
            XCTAssertEqual(awaited9, 0)
            let awaited10 = try await WebClient(app).get("/r/NOSUCHCODE").status
            XCTAssertEqual(awaited10, .notFound)
        }
    }

    func testRepeatsAreMergedAndSubmissionsLimited() async throws {
        try await TestApp.run { app in
            let w = try await world(app)
            _ = try await householdPasses(app, w)
            let first = try await register(app, w.g.f.gateA, "visitor", Self.visitor)
            let second = try await register(app, w.g.f.gateA, "visitor", Self.visitor.merging(["visitPurpose": "送药"]) { $1 })
            XCTAssertEqual(first.headers.first(name: .location), second.headers.first(name: .location))
            let rows = try await SelfRegistration.query(on: app.db).all()
            XCTAssertEqual(rows.count, 1)
            XCTAssertEqual(rows[0].submissions, 2)
            XCTAssertEqual(rows[0].opened(with: app.gatehouse.sealer).answers["visitPurpose"], "送药")
            let awaited11 = try await Visit.query(on: app.db).count()
            XCTAssertEqual(awaited11, 1)
            var last: XCTHTTPResponse?
            for _ in 0..<5 { last = try await register(app, w.g.f.gateA, "visitor", Self.visitor) }
            XCTAssertEqual(last?.status, .tooManyRequests)
            XCTAssertTrue(last?.body.string.contains("提交太频繁") == true)
            // Another phone is not held back by this one.
            let other = try await register(app, w.g.f.gateA, "visitor", Self.visitor.merging(["phone": "13700005678"]) { $1 })
            XCTAssertEqual(other.status, .seeOther)
        }
    }

    func testEveryFieldHasItsMessageAndNoTemperatureIsAsked() async throws {
        try await TestApp.run { app in
            let w = try await world(app)
            let empty = try await register(app, w.g.f.gateA, "tenant", [:])
            XCTAssertEqual(empty.status, .unprocessableEntity)
            let page = empty.body.string
            for field in ["name", "phone", "idNumber", "household", "origin", "moveIn", "landlordPhone"] {
                XCTAssertTrue(page.contains("data-error-for=\"\(field)\""), field)
            }
            let form = try await WebClient(app).get("/r/\(w.g.f.gateA.registrationCode!)/courier").body.string
            XCTAssertFalse(form.contains("name=\"temperature\""))
            XCTAssertFalse(form.contains("name=\"idNumber\""))
            XCTAssertTrue(form.contains("name=\"platform\""))
            let awaited12 = try await WebClient(app).get("/r/\(w.g.f.gateA.registrationCode!)/nobody").status
            XCTAssertEqual(awaited12, .notFound)
            let divisions = try await app.testable().sendRequest(.GET, "/api/v1/divisions?parent=410100")
            XCTAssertTrue(divisions.body.string.contains("\"410102\""))
        }
    }
}
