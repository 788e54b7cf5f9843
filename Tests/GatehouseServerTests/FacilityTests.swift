import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import XCTVapor

final class FacilityTests: XCTestCase {
    func testTheOfficeClosesAPlaceResidentsSeeItAndEveryChangeIsKept() async throws {
        try await TestApp.run { app in
            let w = try await world(app)
            _ = try await householdPasses(app, w)
            let office = WebClient(app)
            try await office.login("admin.a")
            let path = "/admin/communities/\(w.g.f.communityA.id!.uuidString)/facilities"
            try await office.get(path)
            let empty = try await office.post(path, ["name": " ", "kind": "nothing"])
            XCTAssertEqual(empty.status, .unprocessableEntity)
            XCTAssertTrue(empty.body.string.contains("请填写场所名称") && empty.body.string.contains("请选择场所类型"))
            let added = try await office.post(path, ["name": "3号楼棋牌室", "kind": "recreationRoom", "status": "closed", "note": "疫情期间暂停"])
            XCTAssertEqual(added.status, .seeOther)
            let duplicate = try await office.post(path, ["name": "3号楼棋牌室", "kind": "recreationRoom"])
            XCTAssertTrue(duplicate.body.string.contains("已有同名场所"))
            let facility = try await Facility.query(on: app.db).first()!
            XCTAssertEqual(facility.status, "closed")

            // A resident of the community sees the closed place.
            let household = try await Household.query(on: app.db).filter(\.$label == "8栋1单元101室").first()!
            let resident = try await Resident.query(on: app.db).filter(\.$household.$id == household.id!).first()!
            try await office.get("/admin/households/\(household.id!.uuidString)")
            let login = try await office.post("/admin/households/\(household.id!.uuidString)/residents/\(resident.id!.uuidString)/login",
                                              ["username": "zhang.a", "password": Fixture.password])
            XCTAssertLessThan(login.status.code, 400, login.body.string)
            let home = WebClient(app)
            try await home.login("zhang.a")
            let awaited1 = try await home.get("/me").body.string.contains("3号楼棋牌室")
            XCTAssertTrue(awaited1)

            try await office.get(path)
            let reopened = try await office.post("/admin/facilities/\(facility.id!.uuidString)/status", ["status": "open", "note": "解除管控"])
            XCTAssertEqual(reopened.status, .seeOther)
            let again = try await office.post("/admin/facilities/\(facility.id!.uuidString)/status", ["status": "open"])
            XCTAssertEqual(again.status, .conflict)
            let awaited2 = try await home.get("/me").body.string.contains("3号楼棋牌室")
            XCTAssertFalse(awaited2)
            let changes = try await FacilityChange.query(on: app.db).sort(\.$changedAt).all()
            XCTAssertEqual(changes.map(\.status), ["closed", "open"])
            XCTAssertEqual(changes.map(\.note), ["疫情期间暂停", "解除管控"])
            // Another community's admin sees nothing of it.
            let other = WebClient(app)
            try await other.login("admin.b")
            let awaited3 = try await other.get(path).status
            XCTAssertEqual(awaited3, .notFound)
            try await other.get("/admin/communities/\(w.g.f.communityB.id!.uuidString)/facilities")
            let awaited4 = try await other.post("/admin/facilities/\(facility.id!.uuidString)/status", ["status": "closed"]).status
            XCTAssertEqual(awaited4, .notFound)
        }
    }
}
