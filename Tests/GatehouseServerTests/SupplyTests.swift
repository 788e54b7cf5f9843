import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import XCTVapor

final class SupplyTests: XCTestCase {
    func testAQuarantinedHouseholdAsksAndTheHandOverIsLogged() async throws {
        try await TestApp.run { app in
            let w = try await world(app)
            _ = try await householdPasses(app, w)
            let household = try await Household.query(on: app.db).filter(\.$label == "8栋1单元101室").first()!
            let resident = try await Resident.query(on: app.db).filter(\.$household.$id == household.id!).first()!
            let office = WebClient(app)
            try await office.login("admin.a")
            try await office.get("/admin/households/\(household.id!.uuidString)")
            _ = try await office.post("/admin/households/\(household.id!.uuidString)/residents/\(resident.id!.uuidString)/login",
                                      ["username": "zhang.a", "password": Fixture.password])
            let home = WebClient(app)
            try await home.login("zhang.a")
            try await home.get("/me")
            let awaited1 = try await home.post("/me/supplies", ["items": "大米"]).status
            XCTAssertEqual(awaited1, .conflict, "not under quarantine")

            try await office.get("/admin/households/\(household.id!.uuidString)")
            let on = try await office.post("/admin/households/\(household.id!.uuidString)/quarantine", ["startsOn": "2026-11-22", "endsOn": "2026-12-05", "reason": "密切接触者", "orderedBy": "区卫健委"])
            XCTAssertLessThan(on.status.code, 400, on.body.string)
            let awaited2 = try await Household.find(household.id, on: app.db)!.homeQuarantine
            XCTAssertTrue(awaited2)
            let page = try await home.get("/me").body.string
            XCTAssertTrue(page.contains("id=\"supply-form\""))
            let awaited3 = try await home.post("/me/supplies", ["items": " "]).status
            XCTAssertEqual(awaited3, .unprocessableEntity)
            let awaited4 = try await home.post("/me/supplies", ["items": "大米、蔬菜、退烧药", "urgent": "1"]).status
            XCTAssertEqual(awaited4, .seeOther)

            let path = "/admin/communities/\(w.g.f.communityA.id!.uuidString)/supplies"
            let awaited5 = try await office.get(path).body.string.contains("大米、蔬菜、退烧药")
            XCTAssertTrue(awaited5)
            let request = try await SupplyRequest.query(on: app.db).first()!
            XCTAssertTrue(request.urgent)
            let delivered = try await office.post("/supplies/\(request.id!.uuidString)/delivered", ["note": "放门口，已电话告知"])
            XCTAssertEqual(delivered.status, .seeOther)
            let stored = try await SupplyRequest.find(request.id, on: app.db)!
            XCTAssertNotNil(stored.deliveredAt)
            XCTAssertEqual(stored.handoverNote, "放门口，已电话告知")
            let awaited6 = try await home.get("/me").body.string.contains("已送达")
            XCTAssertTrue(awaited6)
            let other = WebClient(app)
            try await other.login("admin.b")
            let awaited7 = try await other.get(path).status
            XCTAssertEqual(awaited7, .notFound)
        }
    }
}
