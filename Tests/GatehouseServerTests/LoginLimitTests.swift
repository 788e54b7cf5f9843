import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import NIOCore
import XCTVapor

/// Sign-in limits an attacker cannot turn against users: the address comes from trusted proxies only, a success
/// does not erase an address's failures, the short lock is per username and address, the username's own lock needs
/// many failures and ends by itself, the locked user is told when to retry, and an admin can lift the lock.
final class LoginLimitTests: XCTestCase {
    /// A sign-in as it reaches the server from `peer`, with the `X-Forwarded-For` a proxy (or a client) wrote.
    private func attempt(_ app: Application, _ username: String, _ password: String, peer: String = "127.0.0.1",
                         forwardedFor: String? = nil) async throws -> Result<User?, AppError> {
        var headers = HTTPHeaders()
        if let forwardedFor { headers.add(name: .xForwardedFor, value: forwardedFor) }
        let req = Request(application: app, method: .POST, url: "/login", headers: headers,
                          remoteAddress: try SocketAddress(ipAddress: peer, port: 40000), on: app.eventLoopGroup.next())
        do { return .success(try await LoginCheck.verify(username: username, password: password, on: req)) }
        catch let e as AppError { return .failure(e) }
    }

    private func locked(_ r: Result<User?, AppError>) -> Bool {
        if case .failure(let e) = r { return e.status == .tooManyRequests }
        return false
    }

    func testTheClientAddressComesFromTrustedProxiesOnly() async throws {
        try await TestApp.run(adjust: { $0.trustedProxies = try! AddressRanges.parse("127.0.0.1, 10.9.0.0/16").get() }) { app in
            func address(_ peer: String, _ forwarded: String?) throws -> String {
                var headers = HTTPHeaders()
                if let forwarded { headers.add(name: .xForwardedFor, value: forwarded) }
                return ClientAddress.of(Request(application: app, headers: headers, remoteAddress: try SocketAddress(ipAddress: peer, port: 1),
                                                on: app.eventLoopGroup.next()))
            }
            XCTAssertEqual(try address("127.0.0.1", "203.0.113.7"), "203.0.113.7", "from the proxy: the client it names")
            XCTAssertEqual(try address("198.51.100.1", "203.0.113.7"), "198.51.100.1", "from anyone else: the header is ignored")
            XCTAssertEqual(try address("127.0.0.1", "1.2.3.4, 203.0.113.7, 10.9.0.5"), "203.0.113.7",
                           "the nearest hop not a proxy; what the client wrote on the left is not believed")
            XCTAssertEqual(try address("127.0.0.1", "not-an-address"), "127.0.0.1")
            XCTAssertEqual(try address("127.0.0.1", nil), "127.0.0.1")
        }
        XCTAssertThrowsError(try AppConfiguration.fromEnvironment(["GATEHOUSE_TRUSTED_PROXIES": "10.0.0.0/40"]),
                             "a bad range stops the start")
    }

    func testAGuessersLockIsTheirsAndTheSpreadLockEndsByItself() async throws {
        let clock = FixedWallClock(TestApp.today)
        try await TestApp.run(clock: clock, adjust: { $0.trustedProxies = try! AddressRanges.parse("127.0.0.1").get() }) { app in
            _ = try await GateFixture.make(app)
            for _ in 0..<5 { _ = try await attempt(app, "guard.a", "wrong-password", forwardedFor: "203.0.113.66") }
            let attacker = try await attempt(app, "guard.a", Fixture.password, forwardedFor: "203.0.113.66")
            XCTAssertTrue(locked(attacker), "the guessing address is locked out of the account")
            if case .failure(let e) = attacker {
                XCTAssertTrue(e.message.zh.contains("请于 08:01 后再试"), e.message.zh)
                XCTAssertTrue(e.message.en.contains("try again after 08:01"))
            }
            let owner = try await attempt(app, "guard.a", Fixture.password, forwardedFor: "198.51.100.20")
            XCTAssertNotNil(try owner.get(), "the guard at their own phone signs in")

            // Spread over many addresses: only at a hundred failures within an hour, and for fifteen minutes at most.
            for n in 0..<(LoginThrottle.spreadFailures - 1) {
                _ = try await attempt(app, "guard.a", "wrong-password", forwardedFor: "192.0.2.\(n % 250 + 1)")
                clock.advance(by: 30)
            }
            // (Asked without signing in: a success would clear the count.)
            let before = await app.loginThrottle.wait(username: "guard.a", address: "198.51.100.20", now: clock.now())
            XCTAssertEqual(before, 0, "99 spread failures lock nobody out")
            for n in 0..<2 { _ = try await attempt(app, "guard.a", "wrong-password", forwardedFor: "192.0.3.\(n + 1)") }
            let spread = try await attempt(app, "guard.a", Fixture.password, forwardedFor: "198.51.100.21")
            XCTAssertTrue(locked(spread), "a hundred within the hour lock the username")
            clock.advance(by: LoginThrottle.spreadLockCeiling + 1)
            let after = try await attempt(app, "guard.a", Fixture.password, forwardedFor: "198.51.100.21")
            XCTAssertNotNil(try after.get(), "the lock has a ceiling")
        }
    }

    func testASuccessDoesNotEraseAnAddresssFailures() async throws {
        try await TestApp.run { app in
            let w = try await world(app)
            _ = w
            // Nineteen guesses at other people's accounts, then the attacker signs in to an account of their own …
            for n in 0..<19 { _ = try await attempt(app, "someone\(n)", "wrong-password", peer: "203.0.113.9") }
            let own = try await attempt(app, "admin.b", Fixture.password, peer: "203.0.113.9")
            XCTAssertNotNil(try own.get())
            // … which does not clear the address: the twentieth failure locks it for every username.
            _ = try await attempt(app, "someone-else", "wrong-password", peer: "203.0.113.9")
            let next = try await attempt(app, "admin.a", Fixture.password, peer: "203.0.113.9")
            XCTAssertTrue(locked(next))
            let elsewhere = try await attempt(app, "admin.a", Fixture.password, peer: "198.51.100.3")
            XCTAssertNotNil(try elsewhere.get())
        }
    }

    func testTheOfficeSeesAndLiftsALock() async throws {
        try await TestApp.run { app in
            let w = try await world(app)
            // Without trusted proxies the header is ignored: every try counts for the peer, whatever it claims.
            for n in 0..<5 { _ = try await attempt(app, "guard.a", "wrong-password", forwardedFor: "10.0.0.\(n)") }
            let claimed = try await attempt(app, "guard.a", Fixture.password, forwardedFor: "10.0.0.99")
            XCTAssertTrue(locked(claimed))
            let guardUser = try await User.query(on: app.db).filter(\.$username == "guard.a").first()!
            let office = WebClient(app)
            try await office.login("admin.a")
            let community = "/admin/communities/\(w.g.f.communityA.id!.uuidString)"
            let page = try await office.get(community).body.string
            XCTAssertTrue(page.contains("登录已锁定"))
            let lifted = try await office.post("/admin/users/\(guardUser.id!.uuidString)/unlock", [:])
            XCTAssertEqual(lifted.location, "\(community)?done=unlocked")
            let notice = try await office.get(lifted.location!).body.string
            XCTAssertTrue(notice.contains("已解除登录锁定"))
            XCTAssertFalse(notice.contains("登录已锁定"))
            let back = try await attempt(app, "guard.a", Fixture.password)
            XCTAssertNotNil(try back.get())
        }
    }
}
