import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import SQLKit
import XCTVapor

final class AuthTests: XCTestCase {
    func testTokenForGoodCredentialsAndMe() async throws {
        try await TestApp.run { app in
            let f = try await Fixture.make(app)
            try await f.account(app, "admin.a", .communityAdmin, community: f.communityA)
            let response = try await APIClient(app: app).send(.POST, "/api/v1/auth/token", json: ["username": "Admin.A", "password": Fixture.password])
            XCTAssertEqual(response.status, .ok)
            let json = try response.json()
            XCTAssertEqual(json["role"] as? String, "communityAdmin")
            XCTAssertNotNil(json["expiresAt"] as? String)
            let client = APIClient(app: app, token: json["token"] as? String)
            let me = try await client.send(.GET, "/api/v1/me").json()
            XCTAssertEqual(me["username"] as? String, "admin.a")
            XCTAssertEqual(me["communityId"] as? String, f.communityA.id!.uuidString)
        }
    }

    func testBadCredentialsAre401AndUnsignedRequestsToo() async throws {
        try await TestApp.run { app in
            let f = try await Fixture.make(app)
            try await f.account(app, "admin.a", .communityAdmin, community: f.communityA)
            let api = APIClient(app: app)
            let wrong = try await api.send(.POST, "/api/v1/auth/token", json: ["username": "admin.a", "password": "nope-nope"])
            XCTAssertEqual(wrong.status, .unauthorized)
            XCTAssertEqual(wrong.errorCode, "invalid_credentials")
            XCTAssertEqual(wrong.errorMessage, "登录名或密码不正确")
            let english = try await api.send(.POST, "/api/v1/auth/token", json: ["username": "ghost", "password": "x"],
                                             headers: ["Accept-Language": "en-GB"])
            XCTAssertEqual(english.status, .unauthorized)
            XCTAssertEqual(english.errorMessage, "Wrong username or password")
            let missing = try await api.send(.POST, "/api/v1/auth/token", json: ["username": "admin.a"])
            XCTAssertEqual(missing.status, .unprocessableEntity)
            do { let value = try await api.send(.GET, "/api/v1/me").status; XCTAssertEqual(value, .unauthorized) }
            do { let value = try await APIClient(app: app, token: "forged").send(.GET, "/api/v1/me").status; XCTAssertEqual(value, .unauthorized) }
        }
    }

    func testTokensExpireByTheInjectedClock() async throws {
        let clock = FixedWallClock(TestApp.today)
        try await TestApp.run(clock: clock) { app in
            let f = try await Fixture.make(app)
            try await f.account(app, "admin.a", .communityAdmin, community: f.communityA)
            let client = try await APIClient.signedIn(app, "admin.a")
            do { let value = try await client.send(.GET, "/api/v1/me").status; XCTAssertEqual(value, .ok) }
            clock.advance(by: 12 * 3600 + 1)
            do { let value = try await client.send(.GET, "/api/v1/me").status; XCTAssertEqual(value, .unauthorized) }
        }
    }

    func testOnlyTheTokenHashIsStored() async throws {
        try await TestApp.run { app in
            let f = try await Fixture.make(app)
            try await f.account(app, "admin.a", .communityAdmin, community: f.communityA)
            let client = try await APIClient.signedIn(app, "admin.a")
            let rows = try await APIToken.query(on: app.db).all()
            XCTAssertEqual(rows.count, 1)
            XCTAssertNotEqual(rows[0].tokenHash, client.token)
            XCTAssertEqual(rows[0].tokenHash, BearerTokenAuthenticator.hash(client.token!))
        }
    }

    func testWebLoginLogoutAndRoleHome() async throws {
        try await TestApp.run { app in
            let f = try await Fixture.make(app)
            try await f.account(app, "district.a", .districtAdmin, district: f.districtA)
            let web = WebClient(app)
            let start = try await web.get("/")
            XCTAssertEqual(start.status, .seeOther)
            XCTAssertEqual(start.location, "/login")
            let bad = try await web.login("district.a", "wrong-password")
            XCTAssertEqual(bad.status, .unauthorized)
            XCTAssertTrue(bad.body.string.contains("登录名或密码不正确"))
            let good = try await web.login("district.a")
            XCTAssertEqual(good.location, "/admin")
            let admin = try await web.get("/admin")
            XCTAssertEqual(admin.status, .ok)
            XCTAssertTrue(admin.body.string.contains("幸福社区"))
            try await web.post("/logout", [:])
            do { let value = try await web.get("/admin").location; XCTAssertEqual(value, "/login?next=%2Fadmin") }
        }
    }

    func testLoginRedirectsOnlyToLocalPaths() async throws {
        try await TestApp.run { app in
            let f = try await Fixture.make(app)
            try await f.account(app, "district.a", .districtAdmin, district: f.districtA)
            let web = WebClient(app)
            try await web.get("/login")
            let response = try await web.post("/login", ["username": "district.a", "password": Fixture.password, "next": "//evil.example/x"])
            XCTAssertEqual(response.location, "/admin")
        }
    }

    func testFormsWithoutTheCSRFTokenAreRefused() async throws {
        try await TestApp.run { app in
            let f = try await Fixture.make(app)
            try await f.account(app, "district.a", .districtAdmin, district: f.districtA)
            let web = WebClient(app)
            _ = try await web.login("district.a")
            let forged = try await web.post("/admin/subdistricts", ["name": "新街道"], csrf: "not-the-token")
            XCTAssertEqual(forged.status, .forbidden)
            XCTAssertTrue(forged.body.string.contains("表单已过期"))
            do { let value = try await Subdistrict.query(on: app.db).filter(\.$name == "新街道").count(); XCTAssertEqual(value, 0) }
            try await web.get("/admin")
            let real = try await web.post("/admin/subdistricts", ["name": "新街道"])
            XCTAssertEqual(real.status, .seeOther)
            do { let value = try await Subdistrict.query(on: app.db).filter(\.$name == "新街道").count(); XCTAssertEqual(value, 1) }
        }
    }

    func testSessionCookieCannotDriveTheAPIWithoutTheCSRFHeader() async throws {
        try await TestApp.run { app in
            let f = try await Fixture.make(app)
            try await f.account(app, "admin.a", .communityAdmin, community: f.communityA)
            let web = WebClient(app)
            _ = try await web.login("admin.a")
            let path = "/api/v1/communities/\(f.communityA.id!.uuidString)/checkpoints"
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .cookie, value: web.cookieHeader)
            headers.contentType = .json
            let response = try await app.testable().sendRequest(.POST, path, headers: headers, body: ByteBuffer(string: #"{"name":"西门"}"#))
            XCTAssertEqual(response.status, .forbidden)
            do { let value = try await Checkpoint.query(on: app.db).filter(\.$name == "西门").count(); XCTAssertEqual(value, 0) }
        }
    }

    func testLanguageSwitchIsRemembered() async throws {
        try await TestApp.run { app in
            let web = WebClient(app)
            do { let value = try await web.get("/login").body.string.contains("登录名"); XCTAssertTrue(value) }
            let switched = try await web.get("/lang/en?back=/login")
            XCTAssertEqual(switched.location, "/login")
            let english = try await web.get("/login")
            XCTAssertTrue(english.body.string.contains("Username"))
            XCTAssertTrue(english.body.string.contains("<html lang=\"en\">"))
            do { let value = try await web.get("/lang/en?back=https://evil.example").location; XCTAssertEqual(value, "/") }
            do { let value = try await web.get("/lang/fr").status; XCTAssertEqual(value, .notFound) }
        }
    }
}
