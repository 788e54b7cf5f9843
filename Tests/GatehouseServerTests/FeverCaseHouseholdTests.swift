import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import XCTVapor

/// A person transferred to hospital: the health worker decides with the transfer whether their household goes into
/// home quarantine (an order prefilled on the case page), and the case page says which was chosen.
final class FeverCaseHouseholdTests: XCTestCase {
    /// A pass holder of `label` with a confirmed fever, taken to a room and reported: the case's page.
    private func reportedCase(_ w: PassWorld, _ label: String, passes: [String: String], property: WebClient, clock: FixedWallClock,
                              _ app: Application) async throws -> String {
        var body = w.g.body(38.0, id: nil)
        body["passCode"] = try await token(w, passes[label]!)
        let first = try await w.g.guardA.send(.POST, "/api/v1/passages", json: body).json()
        clock.advance(by: 301)
        _ = try await w.g.guardA.send(.POST, "/api/v1/passages/\(first["id"] as! String)/remeasure", json: ["temperature": 38.3])
        let c = try await FeverCase.query(on: app.db).filter(\.$passageID == UUID(uuidString: first["id"] as! String)!).first()!
        XCTAssertNotNil(c.householdID)
        let path = "/fever-cases/\(c.id!.uuidString)"
        // A room of its own: the last one waits for its disinfection.
        let room = try await property.post(path + "/steps", ["stage": "inObservation", "roomName": "留观室" + c.id!.uuidString.prefix(6)])
        XCTAssertEqual(room.status, .seeOther)
        let reported = try await property.post(path + "/steps", ["stage": "reported"])
        XCTAssertEqual(reported.status, .seeOther)
        return path
    }

    func testTheTransferDecidesTheHouseholdsHomeQuarantine() async throws {
        let clock = FixedWallClock(TestApp.today)
        try await TestApp.run(clock: clock) { app in
            let w = try await world(app)
            let passes = try await householdPasses(app, w)
            try await w.g.f.account(app, "prop.a", .property, community: w.g.f.communityA)
            try await w.g.f.account(app, "health.a", .health, subdistrict: w.g.f.subA)
            let property = WebClient(app)
            try await property.login("prop.a")
            let health = WebClient(app)
            try await health.login("health.a")
            let transfer = ["stage": "transferred", "subject": "市人民医院发热门诊", "escort": "120救护车"]

            let first = try await reportedCase(w, "8栋1单元101室", passes: passes, property: property, clock: clock, app)
            let page = try await health.get(first).body.string
            XCTAssertTrue(page.contains("id=\"household-quarantine\""), "the order is offered with the transfer")
            XCTAssertTrue(page.contains("value=\"2026-12-05\""), "prefilled: 14 days from today")
            let undecided = try await health.post(first + "/steps", transfer)
            XCTAssertEqual(undecided.status, .unprocessableEntity)
            XCTAssertTrue(undecided.body.string.contains("请决定该户是否居家隔离"))
            var ordered = transfer
            ordered.merge(["householdQuarantine": "order", "quarantineEndsOn": "2026-12-05", "quarantineReason": "家庭成员发热转运就医",
                           "quarantineOrderedBy": "区卫健委 王医生"]) { $1 }
            let done = try await health.post(first + "/steps", ordered)
            XCTAssertEqual(done.status, .seeOther, done.body.string)
            let household = try await Household.query(on: app.db).filter(\.$label == "8栋1单元101室").first()!
            XCTAssertTrue(household.homeQuarantine, "the order is in force from today")
            let order = try await QuarantineOrder.query(on: app.db).filter(\.$householdID == household.id!).first()
            XCTAssertEqual(order?.orderedBy, "区卫健委 王医生")
            XCTAssertEqual(order?.endsOn.description, "2026-12-05")
            let after = try await health.get(first).body.string
            XCTAssertTrue(after.contains("已为该户下达居家隔离 11-22 – 12-05"), after)

            // Another household: the health worker decides it is not needed; the page says so.
            let second = try await reportedCase(w, "8栋1单元102室", passes: passes, property: property, clock: clock, app)
            var declined = transfer
            declined["householdQuarantine"] = "none"
            let declinedStep = try await health.post(second + "/steps", declined)
            XCTAssertEqual(declinedStep.status, .seeOther)
            let declinedPage = try await health.get(second).body.string
            XCTAssertTrue(declinedPage.contains("经决定，该户不需居家隔离"))
            let none = try await QuarantineOrder.query(on: app.db).count()
            XCTAssertEqual(none, 1)

            // The first household again (another member): it is already under its order, which stays as it is.
            let third = try await reportedCase(w, "8栋1单元101室", passes: passes, property: property, clock: clock, app)
            let thirdStep = try await health.post(third + "/steps", ordered)
            XCTAssertEqual(thirdStep.status, .seeOther)
            let thirdPage = try await health.get(third).body.string
            XCTAssertTrue(thirdPage.contains("该户已在居家隔离中"))
            let still = try await QuarantineOrder.query(on: app.db).count()
            XCTAssertEqual(still, 1)
        }
    }
}
