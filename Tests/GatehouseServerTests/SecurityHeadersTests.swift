import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import NIOCore
import XCTVapor

final class SecurityHeadersTests: XCTestCase {
    func testEveryAnswerCarriesThePolicyAndRepeatedFailedSignInsLockOut() async throws {
        let clock = FixedWallClock(TestApp.today)
        try await TestApp.run(clock: clock) { app in
            let f = try await Fixture.make(app)
            try await f.account(app, "admin.a", .communityAdmin, community: f.communityA)
            let web = WebClient(app)
            let page = try await web.get("/login")
            XCTAssertEqual(page.headers.first(name: "Content-Security-Policy"), SecurityHeadersMiddleware.contentSecurityPolicy)
            XCTAssertTrue(SecurityHeadersMiddleware.contentSecurityPolicy.contains("script-src 'self'"))
            XCTAssertFalse(SecurityHeadersMiddleware.contentSecurityPolicy.contains("script-src 'self' 'unsafe-inline'"))
            XCTAssertEqual(page.headers.first(name: "X-Frame-Options"), "DENY")
            XCTAssertEqual(page.headers.first(name: "X-Content-Type-Options"), "nosniff")
            XCTAssertEqual(page.headers.first(name: "Referrer-Policy"), "no-referrer")
            XCTAssertNil(page.headers.first(name: "Strict-Transport-Security"), "no HSTS without TLS")
            let missing = try await app.testable().sendRequest(.GET, "/no-such-page")
            XCTAssertEqual(missing.headers.first(name: "X-Frame-Options"), "DENY", "errors too")
            let cookie = page.headers.first(name: .setCookie) ?? ""
            XCTAssertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), cookie)

            // Five wrong passwords lock the account for a minute, even against the right one; then it works.
            for _ in 0..<5 {
                let wrong = try await web.post("/login", ["username": "admin.a", "password": "wrong-password"])
                XCTAssertEqual(wrong.status, .unauthorized)
            }
            let locked = try await web.post("/login", ["username": "admin.a", "password": Fixture.password])
            XCTAssertEqual(locked.status, .tooManyRequests)
            XCTAssertTrue(locked.body.string.contains("登录失败次数过多，请于 08:01 后再试（约1分钟）"), locked.body.string)
            let token = try await app.testable().sendRequest(.POST, "/api/v1/auth/token", beforeRequest: { req async throws in
                try req.content.encode(["username": "admin.a", "password": Fixture.password], as: .json)
            })
            XCTAssertEqual(token.status, .tooManyRequests, "the API is locked too")
            clock.advance(by: 61)
            let awaited = try await web.login("admin.a").status
            XCTAssertEqual(awaited, .seeOther)
            // A sixth failure after the lock doubles nothing once a success cleared it: five more are needed again.
            let fresh = try await web.post("/login", ["username": "admin.a", "password": "wrong-password"])
            XCTAssertEqual(fresh.status, .unauthorized)
        }
    }

    func testBehindTLSCookiesAreSecureAndHSTSIsSent() async throws {
        let app = try await Application.make(.testing)
        do {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gh-tls-\(UUID().uuidString)").path
            let config = AppConfiguration(database: .sqliteMemory, dataDirectory: folder, secretKeyPath: folder + "/secret.key",
                                          bcryptCost: 4, publicURL: "https://gate.example.cn", runsScheduledSteps: false)
            try await GatehouseApp.configure(app, configuration: config, clock: FixedWallClock(TestApp.today),
                                             keyRing: SecretKeyRing.generate().ring)
            try await app.autoMigrate()
            let page = try await app.testable().sendRequest(.GET, "/login")
            XCTAssertEqual(page.headers.first(name: "Strict-Transport-Security"), "max-age=31536000")
            XCTAssertTrue((page.headers.first(name: .setCookie) ?? "").contains("Secure"))
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    /// Behind a proxy that terminates TLS (no https public address): `X-Forwarded-Proto: https` from a trusted proxy
    /// brings HSTS and Secure cookies; the same header from anyone else is ignored, and plain HTTP gets neither.
    func testATrustedProxySaysHTTPS() async throws {
        try await TestApp.run(adjust: { $0.trustedProxies = try! AddressRanges.parse("10.9.0.0/16").get() }) { app in
            func answer(peer: String, proto: String?) async throws -> Response {
                var headers = HTTPHeaders()
                if let proto { headers.add(name: "X-Forwarded-Proto", value: proto) }
                let req = Request(application: app, method: .GET, url: "/login", headers: headers,
                                  remoteAddress: try SocketAddress(ipAddress: peer, port: 40000), on: app.eventLoopGroup.next())
                let responder = BasicResponder { _ in
                    let r = Response(status: .ok)
                    r.headers.add(name: .setCookie, value: "gatehouse_session=abc; Path=/; HttpOnly; SameSite=Lax")
                    return req.eventLoop.makeSucceededFuture(r)
                }
                return try await SecurityHeadersMiddleware(behindTLS: false).respond(to: req, chainingTo: responder).get()
            }
            let viaProxy = try await answer(peer: "10.9.0.2", proto: "https")
            XCTAssertEqual(viaProxy.headers.first(name: "Strict-Transport-Security"), "max-age=31536000")
            XCTAssertEqual(viaProxy.headers.first(name: .setCookie), "gatehouse_session=abc; Path=/; HttpOnly; SameSite=Lax; Secure")
            let forged = try await answer(peer: "198.51.100.7", proto: "https")
            XCTAssertNil(forged.headers.first(name: "Strict-Transport-Security"), "a client cannot claim HTTPS")
            XCTAssertFalse((forged.headers.first(name: .setCookie) ?? "").contains("Secure"))
            let plain = try await answer(peer: "10.9.0.2", proto: "http")
            XCTAssertNil(plain.headers.first(name: "Strict-Transport-Security"))
        }
    }
}
