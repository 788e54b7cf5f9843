import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import SQLKit
import XCTVapor

final class AdminFlowTests: XCTestCase {
    func testDistrictAdminBuildsTheOrganisation() async throws {
        try await TestApp.run { app in
            let f = try await Fixture.make(app)
            try await f.account(app, "district.a", .districtAdmin, district: f.districtA)
            let web = WebClient(app)
            _ = try await web.login("district.a")
            try await web.get("/admin")
            do { let value = try await web.post("/admin/subdistricts", ["name": "玉泉街道"]).status; XCTAssertEqual(value, .seeOther) }
            do { let value = try await web.post("/admin/subdistricts", ["name": "玉泉街道"]).status; XCTAssertEqual(value, .conflict) }
            do { let value = try await web.post("/admin/subdistricts", ["name": "  "]).status; XCTAssertEqual(value, .unprocessableEntity) }
            let sub = try await Subdistrict.query(on: app.db).filter(\.$name == "玉泉街道").first()!
            let made = try await web.post("/admin/communities", ["name": "东园社区", "address": "东园路1号", "subdistrictId": sub.id!.uuidString])
            XCTAssertEqual(made.status, .seeOther)
            let community = try await Community.query(on: app.db).filter(\.$name == "东园社区").first()!
            XCTAssertEqual(community.districtID, f.districtA.id)
            XCTAssertEqual(made.location, "/admin/communities/\(community.id!.uuidString)")

            let page = "/admin/communities/\(community.id!.uuidString)"
            let empty = try await web.get(page)
            XCTAssertTrue(empty.body.string.contains("id=\"no-gate-warning\""))
            do { let value = try await web.post(page + "/checkpoints", ["name": "东园北门", "isOpen": "1"]).status; XCTAssertEqual(value, .seeOther) }
            do { let value = try await web.post(page + "/checkpoints", ["name": "东园南门", "isOpen": "1"]).status; XCTAssertEqual(value, .seeOther) }
            let two = try await web.get(page)
            XCTAssertTrue(two.body.string.contains("id=\"gate-warning\""), "two open gates must be flagged")
            let south = try await Checkpoint.query(on: app.db).filter(\.$name == "东园南门").first()!
            try await web.post("/admin/checkpoints/\(south.id!.uuidString)/open", ["isOpen": "0"])
            let one = try await web.get(page)
            XCTAssertFalse(one.body.string.contains("id=\"gate-warning\""))
            let oldCode = south.enrolmentCode
            try await web.post("/admin/checkpoints/\(south.id!.uuidString)/enrolment-code", [:])
            let renewed = try await Checkpoint.find(south.id, on: app.db)!
            XCTAssertNotEqual(renewed.enrolmentCode, oldCode)
            XCTAssertFalse(renewed.isOpen)

            try await web.get(page)
            let admin = try await web.post(page + "/accounts", ["username": "dongyuan.admin", "password": "password123", "name": "王主任", "phone": "13700001111"])
            XCTAssertEqual(admin.status, .ok)
            XCTAssertTrue(admin.body.string.contains("王*"))
            XCTAssertTrue(admin.body.string.contains("137****1111"))
            let stored = try await User.query(on: app.db).filter(\.$username == "dongyuan.admin").first()!
            XCTAssertEqual(stored.roleValue, .communityAdmin)
            XCTAssertEqual(stored.communityID, community.id)
            let bad = try await web.post(page + "/accounts", ["username": "x", "password": "short", "name": "", "phone": "123"])
            XCTAssertEqual(bad.status, .unprocessableEntity)
            for text in ["登录名应为3至32位", "密码至少8位", "请输入姓名", "电话号码格式不正确"] {
                XCTAssertTrue(bad.body.string.contains(text), text)
            }

            try await web.get("/admin")
            let health = try await web.post("/admin/accounts", ["username": "yq.health", "password": "password123", "name": "李医生", "role": "health", "subdistrictId": sub.id!.uuidString])
            XCTAssertEqual(health.status, .ok)
            let h = try await User.query(on: app.db).filter(\.$username == "yq.health").first()!
            XCTAssertEqual(h.subdistrictID, sub.id)
            XCTAssertEqual(h.roleValue, .health)
            let sneaky = try await web.post("/admin/accounts", ["username": "yq.op", "password": "password123", "name": "某人", "role": "operator"])
            XCTAssertEqual(sneaky.status, .unprocessableEntity, "operators enrol with a code, not from this form")
        }
    }

    func testDemoDataIsCreatedOnceAndItsLoginsWork() async throws {
        try await TestApp.run { app in
            try await DemoData(services: app.gatehouse, db: app.db, hasher: app.password.async).create()
            do { let value = try await Community.query(on: app.db).count(); XCTAssertEqual(value, 2) }
            do { let value = try await User.query(on: app.db).count(); XCTAssertEqual(value, DemoData.logins.count) }
            for login in DemoData.logins {
                let web = WebClient(app)
                let response = try await web.login(login.username, DemoData.password)
                XCTAssertEqual(response.status, .seeOther, login.username)
                XCTAssertEqual(response.location, LoginController.home(for: login.role).path)
            }
            XCTAssertTrue(DemoData.loginsText().contains("demo-guard1"))
        }
    }
}
