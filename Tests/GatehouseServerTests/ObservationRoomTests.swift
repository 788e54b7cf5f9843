import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import XCTVapor

/// An observation room takes one person at a time and is disinfected between two: a second case is refused a room
/// in use, a room used and not disinfected since, and a room with someone inside cannot be logged as disinfected.
final class ObservationRoomTests: XCTestCase {
    private func fever(_ g: GateFixture, _ idNumber: String, clock: FixedWallClock, _ app: Application) async throws -> String {
        let first = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(38.0, id: idNumber)).json()
        clock.advance(by: 301)
        _ = try await g.guardA.send(.POST, "/api/v1/passages/\(first["id"] as! String)/remeasure", json: ["temperature": 38.3])
        let passage = UUID(uuidString: first["id"] as! String)!
        return "/fever-cases/" + (try await FeverCase.query(on: app.db).filter(\.$passageID == passage).first()!.id!.uuidString)
    }

    func testOnePersonAtATimeAndDisinfectedBetweenTwo() async throws {
        let clock = FixedWallClock(TestApp.today)
        try await TestApp.run(clock: clock) { app in
            let g = try await GateFixture.make(app)
            let third = "110105198001010016"
            try await g.registered(app, GateFixture.idNumber, GateFixture.otherID, third)
            try await g.f.account(app, "prop.a", .property, community: g.f.communityA)
            try await g.f.account(app, "health.a", .health, subdistrict: g.f.subA)
            let property = WebClient(app)
            try await property.login("prop.a")
            let health = WebClient(app)
            try await health.login("health.a")

            let first = try await fever(g, GateFixture.idNumber, clock: clock, app)
            let second = try await fever(g, GateFixture.otherID, clock: clock, app)
            let intoOne = try await property.post(first + "/steps", ["stage": "inObservation", "roomName": "留观室一"])
            XCTAssertEqual(intoOne.status, .seeOther, intoOne.body.string)
            let one = try await DisinfectionSchedule.query(on: app.db).filter(\.$name == "留观室一").first()!
            var page = try await property.get(second).body.string
            XCTAssertTrue(page.contains("留观室一 · 使用中"), "the room says it is in use")

            // The second patient: not into the room in use, by its id or by its name.
            for form in [["stage": "inObservation", "roomId": one.id!.uuidString], ["stage": "inObservation", "roomName": "留观室一"]] {
                let refused = try await property.post(second + "/steps", form)
                XCTAssertEqual(refused.status, .conflict)
                XCTAssertTrue(refused.body.string.contains("一间留观室一次只留观一人"), refused.body.string)
            }
            let intoTwo = try await property.post(second + "/steps", ["stage": "inObservation", "roomName": "留观室二"])
            XCTAssertEqual(intoTwo.status, .seeOther)
            let two = try await DisinfectionSchedule.query(on: app.db).filter(\.$name == "留观室二").first()!
            let desk = DisinfectionService(services: app.gatehouse, db: app.db)
            let whileInside = try await desk.overdueCount(community: g.f.communityA.id!)
            XCTAssertEqual(whileInside, 0, "a room with someone inside is not late: it cannot be disinfected yet")

            // A room with someone inside is not logged as disinfected.
            let office = WebClient(app)
            try await g.f.account(app, "admin.a", .communityAdmin, community: g.f.communityA)
            try await office.login("admin.a")
            let busy = try await office.post("/disinfection/\(two.id!.uuidString)/log", ["agent": "84消毒液 1:100"])
            XCTAssertEqual(busy.status, .unprocessableEntity)
            XCTAssertTrue(busy.body.string.contains("留观室内有人留观，不能消毒"))
            let logged = try await DisinfectionLog.query(on: app.db).filter(\.$scheduleID == two.id!).count()
            XCTAssertEqual(logged, 0)

            // The first patient leaves: the room waits for its disinfection and takes nobody meanwhile.
            let reported = try await property.post(first + "/steps", ["stage": "reported"])
            XCTAssertEqual(reported.status, .seeOther)
            let transferred = try await health.post(first + "/steps", ["stage": "transferred", "subject": "市人民医院发热门诊", "escort": "120救护车"])
            XCTAssertEqual(transferred.status, .seeOther)
            let afterLeaving = try await desk.overdueCount(community: g.f.communityA.id!)
            XCTAssertEqual(afterLeaving, 1, "the room left is due at once")
            let next = try await fever(g, third, clock: clock, app)
            page = try await property.get(next).body.string
            XCTAssertTrue(page.contains("留观室一 · 待消毒") && page.contains("留观室二 · 使用中"), "each room says where it stands")
            let unclean = try await property.post(next + "/steps", ["stage": "inObservation", "roomId": one.id!.uuidString])
            XCTAssertEqual(unclean.status, .conflict)
            XCTAssertTrue(unclean.body.string.contains("尚未消毒"), unclean.body.string)

            // Disinfected (the first case's own step): the room takes the next person.
            let disinfected = try await g.guardA.send(.POST, "/api/v1/fever-cases/\(first.split(separator: "/").last!)/steps",
                                                      json: ["stage": "disinfected", "subject": "84消毒液 1:100"])
            XCTAssertEqual(disinfected.status, .ok, disinfected.body.string)
            let taken = try await property.post(next + "/steps", ["stage": "inObservation", "roomId": one.id!.uuidString])
            XCTAssertEqual(taken.status, .seeOther, taken.body.string)
            let inRoom = try await FeverCase.query(on: app.db).filter(\.$roomScheduleID == one.id!).filter(\.$status == "inObservation").count()
            XCTAssertEqual(inRoom, 1)
        }
    }
}
