import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import SQLKit
import XCTVapor

/// Staff of one community can read or change nothing of another, on every route of the foundation.
final class ScopingTests: XCTestCase {
    func testAPICommunityRoutesAreScoped() async throws {
        try await TestApp.run { app in
            let f = try await Fixture.make(app)
            try await f.account(app, "admin.a", .communityAdmin, community: f.communityA)
            try await f.account(app, "district.a", .districtAdmin, district: f.districtA)
            try await f.account(app, "health.a", .health, subdistrict: f.subA)
            try await f.account(app, "police.a", .police, subdistrict: f.subA)
            let a = f.communityA.id!.uuidString, b = f.communityB.id!.uuidString, other = f.communityOther.id!.uuidString

            let admin = try await APIClient.signedIn(app, "admin.a")
            let mine = try await admin.send(.GET, "/api/v1/communities").jsonArray()
            XCTAssertEqual(mine.map { $0["id"] as? String }, [a])
            do { let value = try await admin.send(.GET, "/api/v1/communities/\(a)").status; XCTAssertEqual(value, .ok) }
            do { let value = try await admin.send(.GET, "/api/v1/communities/\(b)").status; XCTAssertEqual(value, .notFound) }
            do { let value = try await admin.send(.GET, "/api/v1/communities/\(b)/checkpoints").status; XCTAssertEqual(value, .notFound) }
            do { let value = try await admin.send(.POST, "/api/v1/communities/\(b)/checkpoints", json: ["name": "侵入门"]).status; XCTAssertEqual(value, .notFound) }
            let created = try await admin.send(.POST, "/api/v1/communities/\(a)/checkpoints", json: ["name": "幸福西门", "isOpen": false])
            XCTAssertEqual(created.status, .created)
            XCTAssertEqual(try created.json()["enrolmentCode"].flatMap { $0 as? String }?.count, 8)
            do { let value = try await admin.send(.GET, "/api/v1/communities/not-a-uuid").status; XCTAssertEqual(value, .notFound) }

            let district = try await APIClient.signedIn(app, "district.a")
            let districtIDs = Set(try await district.send(.GET, "/api/v1/communities").jsonArray().compactMap { $0["id"] as? String })
            XCTAssertEqual(districtIDs, [a, b])
            do { let value = try await district.send(.GET, "/api/v1/communities/\(other)").status; XCTAssertEqual(value, .notFound) }

            let health = try await APIClient.signedIn(app, "health.a")
            let healthList = try await health.send(.GET, "/api/v1/communities").jsonArray()
            XCTAssertEqual(Set(healthList.compactMap { $0["id"] as? String }), [a, b])
            let gates = try XCTUnwrap(healthList.first?["checkpoints"] as? [[String: Any]])
            XCTAssertTrue(gates.allSatisfy { $0["enrolmentCode"] == nil || $0["enrolmentCode"] is NSNull }, "codes are for admins only")
            do { let value = try await health.send(.POST, "/api/v1/communities/\(a)/checkpoints", json: ["name": "卫生门"]).status; XCTAssertEqual(value, .forbidden) }

            let police = try await APIClient.signedIn(app, "police.a")
            // Without a community's grant the police do not even see it; adding a gate is for admins whatever the community.
            do { let value = try await police.send(.GET, "/api/v1/communities/\(a)").status; XCTAssertEqual(value, .notFound) }
            do { let value = try await police.send(.POST, "/api/v1/communities/\(a)/checkpoints", json: ["name": "警务门"]).status; XCTAssertEqual(value, .forbidden) }
            do { let value = try await Checkpoint.query(on: app.db).count(); XCTAssertEqual(value, 4) }
        }
    }

    func testOperatorsSeeOnlyTheirCommunityAndChangeNothing() async throws {
        try await TestApp.run { app in
            let f = try await Fixture.make(app)
            let registration = OperatorRegistration(services: app.gatehouse, db: app.db)
            _ = try await registration.register(.init(enrolmentCode: f.gateA.enrolmentCode, userCode: "JY01", name: "吴保安",
                                                      phone: "13900000006", unitName: "物业", username: "guard.a",
                                                      password: Fixture.password, passwordAgain: nil),
                                                language: .zh, hasher: app.password.async)
            let guardAPI = try await APIClient.signedIn(app, "guard.a")
            let list = try await guardAPI.send(.GET, "/api/v1/communities").jsonArray()
            XCTAssertEqual(list.map { $0["id"] as? String }, [f.communityA.id!.uuidString])
            do { let value = try await guardAPI.send(.POST, "/api/v1/communities/\(f.communityA.id!.uuidString)/checkpoints", json: ["name": "x门"]).status; XCTAssertEqual(value, .forbidden) }
            let web = WebClient(app)
            _ = try await web.login("guard.a")
            do { let value = try await web.get("/admin").status; XCTAssertEqual(value, .forbidden) }
            do { let value = try await web.get("/admin/communities/\(f.communityA.id!.uuidString)").status; XCTAssertEqual(value, .forbidden) }
            do { let value = try await web.get("/account").location; XCTAssertEqual(value, "/operator") }
        }
    }

    func testAdminPagesAndFormsAreScoped() async throws {
        try await TestApp.run { app in
            let f = try await Fixture.make(app)
            try await f.account(app, "admin.a", .communityAdmin, community: f.communityA)
            let web = WebClient(app)
            _ = try await web.login("admin.a")
            let a = f.communityA.id!.uuidString, b = f.communityB.id!.uuidString
            do { let value = try await web.get("/admin").location; XCTAssertEqual(value, "/admin/communities/\(a)") }
            let page = try await web.get("/admin/communities/\(a)")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.body.string.contains(f.gateA.enrolmentCode))
            XCTAssertFalse(page.body.string.contains(f.gateB.enrolmentCode))
            do { let value = try await web.get("/admin/communities/\(b)").status; XCTAssertEqual(value, .notFound) }
            do { let value = try await web.post("/admin/communities/\(b)/checkpoints", ["name": "侵入门"]).status; XCTAssertEqual(value, .notFound) }
            do { let value = try await web.post("/admin/communities/\(b)/accounts", ["username": "intruder", "password": "password123", "name": "某人"]).status; XCTAssertEqual(value, .notFound) }
            do { let value = try await web.post("/admin/checkpoints/\(f.gateB.id!.uuidString)/open", ["isOpen": "0"]).status; XCTAssertEqual(value, .notFound) }
            do { let value = try await web.post("/admin/checkpoints/\(f.gateB.id!.uuidString)/enrolment-code", [:]).status; XCTAssertEqual(value, .notFound) }
            do { let value = try await web.post("/admin/subdistricts", ["name": "x"]).status; XCTAssertEqual(value, .forbidden) }
            do { let value = try await web.post("/admin/communities", ["name": "x", "subdistrictId": f.subA.id!.uuidString]).status; XCTAssertEqual(value, .forbidden) }
            let gateB = try await Checkpoint.find(f.gateB.id, on: app.db)
            XCTAssertEqual(gateB?.isOpen, true)
            XCTAssertEqual(gateB?.enrolmentCode, f.gateB.enrolmentCode)
            do { let value = try await User.query(on: app.db).filter(\.$username == "intruder").count(); XCTAssertEqual(value, 0) }
        }
    }

    func testDistrictAdminCannotReachAnotherDistrict() async throws {
        try await TestApp.run { app in
            let f = try await Fixture.make(app)
            try await f.account(app, "district.a", .districtAdmin, district: f.districtA)
            let web = WebClient(app)
            _ = try await web.login("district.a")
            let home = try await web.get("/admin")
            XCTAssertTrue(home.body.string.contains("幸福社区"))
            XCTAssertTrue(home.body.string.contains("和平社区"))
            XCTAssertFalse(home.body.string.contains("远方社区"))
            do { let value = try await web.get("/admin/communities/\(f.communityOther.id!.uuidString)").status; XCTAssertEqual(value, .notFound) }
            let otherSub = try await Subdistrict.query(on: app.db).filter(\.$name == "乙街道").first()!
            let response = try await web.post("/admin/communities", ["name": "越界社区", "subdistrictId": otherSub.id!.uuidString])
            XCTAssertEqual(response.status, .unprocessableEntity)
            do { let value = try await Community.query(on: app.db).filter(\.$name == "越界社区").count(); XCTAssertEqual(value, 0) }
            do { let value = try await web.post("/admin/accounts", ["username": "h2", "password": "password123", "name": "某人", "role": "health", "subdistrictId": otherSub.id!.uuidString]).status; XCTAssertEqual(value, .notFound) }
        }
    }

    func testHealthAndPoliceSeeTheirRemitReadOnly() async throws {
        try await TestApp.run { app in
            let f = try await Fixture.make(app)
            let police = try await f.account(app, "police.a", .police, subdistrict: f.subA)
            let web = WebClient(app)
            do { let value = try await web.login("police.a").location; XCTAssertEqual(value, "/police") }
            var page = try await web.get("/account")
            XCTAssertFalse(page.body.string.contains("幸福社区"), "police see nothing until a community grants access")
            try await f.account(app, "admin.a", .communityAdmin, community: f.communityA)
            let admin = try await User.query(on: app.db).filter(\.$username == "admin.a").first()!
            _ = try await PoliceGrants(services: app.gatehouse, db: app.db).grant(f.communityA, police: police.id, from: "2026-11-22",
                                                                                  to: "2026-11-22", by: admin)
            page = try await web.get("/account")
            XCTAssertTrue(page.body.string.contains("幸福社区"))
            XCTAssertFalse(page.body.string.contains("和平社区"), "only the community that granted it")
            XCTAssertFalse(page.body.string.contains("远方社区"))
            XCTAssertFalse(page.body.string.contains(f.gateA.enrolmentCode))
            do { let value = try await web.get("/admin").status; XCTAssertEqual(value, .forbidden) }
            do { let value = try await web.post("/admin/communities/\(f.communityA.id!.uuidString)/checkpoints", ["name": "警务门"]).status; XCTAssertEqual(value, .forbidden) }
        }
    }

    func testOutputIsEscaped() async throws {
        try await TestApp.run { app in
            let web = WebClient(app)
            try await web.get("/login")
            let response = try await web.post("/login", ["username": "\"><b id=x>bold</b>", "password": "whatever1"])
            XCTAssertEqual(response.status, .unauthorized)
            XCTAssertFalse(response.body.string.contains("<b id=x>"))
        }
    }
}
