import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import XCTVapor

final class SubjectAccessTests: XCTestCase {
    func testAResidentSeesEverythingHeldAboutThemAndWhoTouchedIt() async throws {
        try await TestApp.run { app in
            let w = try await world(app)
            let passes = try await householdPasses(app, w)
            let household = try await Household.query(on: app.db).filter(\.$label == "8栋1单元101室").first()!
            let hid = household.id!.uuidString
            let zhang = try await Resident.query(on: app.db).filter(\.$household.$id == household.id!).sort(\.$createdAt).first()!
            let office = WebClient(app)
            try await office.login("admin.a")
            try await office.get("/admin/households/\(hid)")
            _ = try await office.post("/admin/households/\(hid)/residents/\(zhang.id!.uuidString)/login",
                                      ["username": "zhang.a", "password": Fixture.password])
            try await office.get("/admin/households/\(hid)")
            let ordered = try await office.post("/admin/households/\(hid)/quarantine",
                                                ["startsOn": "2026-11-22", "endsOn": "2026-12-05", "reason": "密切接触者", "orderedBy": "区卫健委"])
            XCTAssertEqual(ordered.status, .seeOther)
            let code = try await w.admin.send(.GET, "/api/v1/passes/\(passes["8栋1单元101室"]!)").json()["shortCode"] as! String
            var body = w.g.body(36.6, id: nil, direction: "in")
            body["passCode"] = code
            _ = try await w.g.guardA.send(.POST, "/api/v1/passages", json: body)

            let me = WebClient(app)
            try await me.login("zhang.a")
            let page = try await me.get("/me/data").body.string
            XCTAssertTrue(page.contains("110105198001010016"), "their own ID number in full")
            XCTAssertTrue(page.contains("13812340001"))
            XCTAssertTrue(page.contains("张**"), "another member masked")
            XCTAssertFalse(page.contains("110105200008080017"), "not the other member's ID number")
            XCTAssertTrue(page.contains("吴保安"), "who recorded the passage, by name")
            XCTAssertFalse(page.contains("guard.a"), "not by login")
            XCTAssertTrue(page.contains("（社区管理员）为 8栋1单元101室 下达居家隔离令"), "who changed the household, in a sentence")
            XCTAssertFalse(page.contains("POST /"))
            XCTAssertTrue(page.contains("的住户信息"), "and who viewed it")
            XCTAssertTrue(page.contains("密切接触者"))

            // Another household's resident sees only their own.
            let other = try await Household.query(on: app.db).filter(\.$label == "8栋1单元102室").first()!
            let li = try await Resident.query(on: app.db).filter(\.$household.$id == other.id!).first()!
            try await office.get("/admin/households/\(other.id!.uuidString)")
            _ = try await office.post("/admin/households/\(other.id!.uuidString)/residents/\(li.id!.uuidString)/login",
                                      ["username": "li.a", "password": Fixture.password])
            let neighbour = WebClient(app)
            try await neighbour.login("li.a")
            let theirs = try await neighbour.get("/me/data").body.string
            XCTAssertTrue(theirs.contains("110105199003150025"))
            XCTAssertFalse(theirs.contains("110105198001010016"))
            XCTAssertFalse(theirs.contains("密切接触者"))
            let awaited = try await office.get("/me/data").status
            XCTAssertEqual(awaited, .forbidden, "residents only")
        }
    }
}
