import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import XCTVapor

/// `POST /api/v1/people/lookup` tells the gate what it needs and no more, and every look-up is counted and written down.
final class LookupAuditTests: XCTestCase {
    func testLookUpsAreThrottledPerOperatorAndSayWhenToGoOn() async throws {
        let clock = FixedWallClock(TestApp.today)
        try await TestApp.run(clock: clock) { app in
            let g = try await GateFixture.make(app)
            let body = ["checkpointId": g.f.gateA.id!.uuidString, "idNumber": GateFixture.otherID]
            for n in 1...LookupAudit.perHour {
                let status = try await g.guardA.send(.POST, "/api/v1/people/lookup", json: body).status
                XCTAssertEqual(status, .ok, "look-up \(n)")
                if n == 60 { clock.advance(by: 600) }
            }
            let refused = try await g.guardA.send(.POST, "/api/v1/people/lookup", json: body)
            XCTAssertEqual(refused.status, .tooManyRequests)
            XCTAssertEqual(refused.errorCode, "too_many_lookups")
            // The first look-up was at 08:00 (China time): the hour ends then, and the sentence says so.
            XCTAssertTrue(refused.errorMessage?.contains("请于 09:01 后再试") == true, refused.errorMessage ?? "")
            let refusedEn = try await g.guardA.send(.POST, "/api/v1/people/lookup", json: body, headers: ["Accept-Language": "en"])
            XCTAssertTrue(refusedEn.errorMessage?.hasPrefix("Too many look-ups") == true)
            let counted = try await AuditEvent.query(on: app.db).filter(\.$action == "personLookup").count()
            XCTAssertEqual(counted, LookupAudit.perHour, "a refused look-up answers nothing and is not counted")

            // Another operator is not held back by this one.
            try await g.f.account(app, "guard.a2", .operator, community: g.f.communityA)
            let second = try await User.query(on: app.db).filter(\.$username == "guard.a2").first()!
            second.checkpointID = g.f.gateA.id
            try await second.save(on: app.db)
            let other = try await APIClient.signedIn(app, "guard.a2").send(.POST, "/api/v1/people/lookup", json: body).status
            XCTAssertEqual(other, .ok)

            // Once the first sixty are an hour old, the guard goes on.
            clock.advance(by: 3000 + 1)
            let later = try await g.guardA.send(.POST, "/api/v1/people/lookup", json: body).status
            XCTAssertEqual(later, .ok)
        }
    }

    func testThePersonSeesWhereTheyWereLookedUpAndTheGateSeesOnlyWhatItNeeds() async throws {
        try await TestApp.run { app in
            let w = try await world(app)
            _ = try await householdPasses(app, w)
            let zhang = try await residentLogin(app, "8栋1单元101室", "zhang.a").member

            // The member who was given the login (which of the two is the database's choice) is looked up.
            let person = try await Person.find(zhang.$person.id, on: app.db)!
            let number = try app.gatehouse.sealer.open(person.idNumberSealed!, context: "person.id_number")
            let lookup = try await w.g.guardA.send(.POST, "/api/v1/people/lookup",
                                                   json: ["checkpointId": w.g.f.gateA.id!.uuidString, "idNumber": number]).json()
            XCTAssertEqual(lookup["nameMasked"] as? String, person.nameMasked)
            XCTAssertTrue((lookup["nameMasked"] as? String)?.hasPrefix("张") == true)
            XCTAssertEqual(lookup["householdLabel"] as? String, "8栋1单元101室")
            XCTAssertEqual(lookup["registered"] as? Bool, true)
            XCTAssertNil(lookup["name"])
            XCTAssertNil(lookup["card"])

            let event = try await AuditEvent.query(on: app.db).filter(\.$action == "personLookup").first()
            XCTAssertEqual(event?.target, "person:\(zhang.$person.id)")
            XCTAssertEqual(event?.detail, "幸福社区幸福北门", "the gate, never the number looked up")

            let me = WebClient(app)
            try await me.login("zhang.a")
            let report = try await me.get("/me/data").body.string
            XCTAssertTrue(report.contains("在 幸福社区幸福北门 查询了"), "the person sees the look-up")
            XCTAssertTrue(report.contains("吴保安（"), "and who made it, by name")
        }
    }
}
