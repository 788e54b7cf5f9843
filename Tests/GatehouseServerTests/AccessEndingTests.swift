import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import XCTVapor

/// Access can be ended: a password change, "sign out everywhere", an admin disabling an account, a token's logout.
final class AccessEndingTests: XCTestCase {
    private func signedIn(_ web: WebClient) async throws -> Bool {
        try await web.get("/account/security").status == .ok
    }

    func testAPasswordChangeEndsEveryOtherSessionAndTokenAndKeepsThisOneUnderANewSession() async throws {
        try await TestApp.run { app in
            let g = try await GateFixture.make(app)
            let phone = WebClient(app), laptop = WebClient(app)
            try await phone.login("guard.a")
            try await laptop.login("guard.a")
            let token = g.guardA
            try await phone.get("/account/security")
            let before = phone.cookies["gatehouse_session"]

            let wrong = try await phone.post("/account/password", ["current": "not-it-at-all", "password": "new-pass-2026", "again": "new-pass-2026"])
            XCTAssertEqual(wrong.status, .unprocessableEntity)
            XCTAssertTrue(wrong.body.string.contains("当前密码不正确"))
            let short = try await phone.post("/account/password", ["current": Fixture.password, "password": "short", "again": "short"])
            XCTAssertTrue(short.body.string.contains("密码至少8位"))
            let stillWorks = try await token.send(.GET, "/api/v1/me").status
            XCTAssertEqual(stillWorks, .ok, "a refused change ends nothing")

            let changed = try await phone.post("/account/password", ["current": Fixture.password, "password": "new-pass-2026", "again": "new-pass-2026"])
            XCTAssertEqual(changed.location, "/account/security?done=password")
            XCTAssertNotEqual(phone.cookies["gatehouse_session"], before, "a new session id")
            let page = try await phone.get(changed.location!).body.string
            XCTAssertTrue(page.contains("密码已修改"))
            let phoneIn = try await signedIn(phone)
            XCTAssertTrue(phoneIn, "this browser goes on")
            let laptopIn = try await signedIn(laptop)
            XCTAssertFalse(laptopIn, "the other session has ended")
            let tokenNow = try await token.send(.GET, "/api/v1/me").status
            XCTAssertEqual(tokenNow, .unauthorized, "tokens have ended")
            let old = try await WebClient(app).login("guard.a").status
            XCTAssertEqual(old, .unauthorized)
            let new = try await WebClient(app).login("guard.a", "new-pass-2026").status
            XCTAssertEqual(new, .seeOther)
        }
    }

    func testSignOutEverywhereEndsTheseSessionsAndTokens() async throws {
        try await TestApp.run { app in
            let g = try await GateFixture.make(app)
            let phone = WebClient(app), laptop = WebClient(app)
            try await phone.login("guard.a")
            try await laptop.login("guard.a")
            try await laptop.get("/account/security")
            let out = try await laptop.post("/account/sign-out-everywhere", [:])
            XCTAssertEqual(out.location, "/login?done=everywhere")
            let notice = try await laptop.get(out.location!).body.string
            XCTAssertTrue(notice.contains("已退出所有设备"))
            let phoneIn = try await signedIn(phone)
            XCTAssertFalse(phoneIn)
            let token = try await g.guardA.send(.GET, "/api/v1/me").status
            XCTAssertEqual(token, .unauthorized)
            let again = try await WebClient(app).login("guard.a").status
            XCTAssertEqual(again, .seeOther, "the password still works")
        }
    }

    func testSigningInNeverKeepsACookiePlantedBeforeIt() async throws {
        try await TestApp.run { app in
            _ = try await GateFixture.make(app)
            let victim = WebClient(app)
            try await victim.get("/login")
            let planted = try XCTUnwrap(victim.cookies["gatehouse_session"])
            let plantedForm = try XCTUnwrap(victim.csrf)
            try await victim.login("guard.a")
            XCTAssertNotEqual(victim.cookies["gatehouse_session"], planted)
            XCTAssertNotEqual(victim.csrf, plantedForm, "a new form token")
            // The attacker who kept the planted cookie is not signed in.
            let headers: HTTPHeaders = ["Cookie": "gatehouse_session=\(planted)"]
            let attacker = try await app.testable().sendRequest(.GET, "/account/security", headers: headers)
            XCTAssertNotEqual(attacker.status, .ok)
        }
    }

    func testAnAdminDisablesAGuardAtOnceAndCanGiveTheAccountBack() async throws {
        try await TestApp.run { app in
            let w = try await world(app)
            let guardUser = try await User.query(on: app.db).filter(\.$username == "guard.a").first()!
            let guardWeb = WebClient(app)
            try await guardWeb.login("guard.a")
            let office = WebClient(app)
            try await office.login("admin.a")
            let community = "/admin/communities/\(w.g.f.communityA.id!.uuidString)"
            let page = try await office.get(community).body.string
            XCTAssertTrue(page.contains("/admin/users/\(guardUser.id!.uuidString)/disable"), "a button beside the guard")

            // Not another community's office, and nobody disables themselves.
            let neighbour = WebClient(app)
            try await neighbour.login("admin.b")
            try await neighbour.get("/admin/communities/\(w.g.f.communityB.id!.uuidString)")
            let foreign = try await neighbour.post("/admin/users/\(guardUser.id!.uuidString)/disable", [:]).status
            XCTAssertEqual(foreign, .notFound)
            let me = try await User.query(on: app.db).filter(\.$username == "admin.a").first()!
            let own = try await office.post("/admin/users/\(me.id!.uuidString)/disable", [:]).status
            XCTAssertEqual(own, .unprocessableEntity)

            try await office.get(community)
            let disabled = try await office.post("/admin/users/\(guardUser.id!.uuidString)/disable", [:])
            XCTAssertEqual(disabled.location, "\(community)?done=disabled")
            let notice = try await office.get(disabled.location!).body.string
            XCTAssertTrue(notice.contains("账号已停用"))
            XCTAssertTrue(notice.contains("已停用"))
            let web = try await guardWeb.get("/gate").status
            XCTAssertNotEqual(web, .ok, "the guard's open page ends at the next request")
            let api = try await w.g.guardA.send(.POST, "/api/v1/passages", json: w.g.body(36.5)).status
            XCTAssertEqual(api, .unauthorized, "and so does the guard's token")
            let login = try await WebClient(app).login("guard.a").status
            XCTAssertEqual(login, .unauthorized)

            try await office.get(community)
            let enabled = try await office.post("/admin/users/\(guardUser.id!.uuidString)/enable", [:])
            XCTAssertEqual(enabled.location, "\(community)?done=enabled")
            let back = try await WebClient(app).login("guard.a").status
            XCTAssertEqual(back, .seeOther)
        }
    }

    func testLoggingOutATokenEndsThatTokenOnly() async throws {
        try await TestApp.run { app in
            _ = try await GateFixture.make(app)
            let first = try await APIClient.signedIn(app, "guard.a")
            let issued = try await APIClient(app: app).send(.POST, "/api/v1/auth/token", json: ["username": "guard.a", "password": Fixture.password]).json()
            XCTAssertEqual(issued["expiresIn"] as? Int, 12 * 3600, "the token's lifetime is stated")
            let second = APIClient(app: app, token: issued["token"] as? String)
            let me = try await first.send(.GET, "/api/v1/me").status
            XCTAssertEqual(me, .ok, "cached by the hot path")
            let out = try await first.send(.POST, "/api/v1/auth/logout").status
            XCTAssertEqual(out, .noContent)
            let after = try await first.send(.GET, "/api/v1/me").status
            XCTAssertEqual(after, .unauthorized)
            let other = try await second.send(.GET, "/api/v1/me").status
            XCTAssertEqual(other, .ok)
        }
    }

    func testExpiredTokensAreDeleted() async throws {
        let clock = FixedWallClock(TestApp.today)
        try await TestApp.run(clock: clock) { app in
            _ = try await GateFixture.make(app)
            _ = try await APIClient.signedIn(app, "guard.a")
            clock.advance(by: TokenController.lifetime + 1)
            let fresh = try await APIClient.signedIn(app, "guard.a")
            let before = try await APIToken.query(on: app.db).count()
            XCTAssertGreaterThanOrEqual(before, 3, "the fixture's, the expired one, the fresh one")
            let deleted = try await ExpiredTokens.delete(before: clock.now(), on: app.db)
            XCTAssertEqual(deleted, before - 1)
            let still = try await fresh.send(.GET, "/api/v1/me").status
            XCTAssertEqual(still, .ok, "the token still in its lifetime stays")
        }
    }
}
