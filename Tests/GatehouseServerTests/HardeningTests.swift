import Foundation
import GatehouseCore
@testable import GatehouseServer
import NIOCore
import XCTVapor

/// Small holes closed: redirects that stay on the site, a closed gate, the database file's mode, who reads /metrics.
final class HardeningTests: XCTestCase {
    func testARedirectTargetIsAPlainLocalPath() {
        for bad in ["/\t/evil.example/", "/\n/evil.example", "//evil.example", "/\\evil.example", "https://evil.example",
                    "evil", "/a\u{0}b", "/ /evil", "/\u{7F}x", "/路径"] {
            XCTAssertEqual(SafeRedirect.path(bad), "/", bad.debugDescription)
        }
        for good in ["/gate", "/records?cursor=abc&status=abnormal", "/admin/communities/1/registrations", "/%E8%B7%AF"] {
            XCTAssertEqual(SafeRedirect.path(good), good)
        }
    }

    func testTheLanguageSwitchAndTheLoginDoNotLeaveTheSite() async throws {
        try await TestApp.run { app in
            let r = try await app.testable().sendRequest(.GET, "/lang/en?back=/%09/evil.example/")
            XCTAssertEqual(r.headers.first(name: .location), "/")
        }
    }

    func testAClosedCheckpointRefusesPassagesWithASentence() async throws {
        try await TestApp.run { app in
            let w = try await world(app)
            let token = try await token(w, try await householdPasses(app, w)["8栋1单元101室"]!)
            try await w.g.registered(app, GateFixture.idNumber)
            let gate = try await Checkpoint.find(w.g.f.gateA.id, on: app.db)!
            gate.isOpen = false
            try await gate.save(on: app.db)
            var pass = w.g.body(36.5, id: nil)
            pass["passCode"] = token
            for body in [w.g.body(36.5), pass] {
                let r = try await w.g.guardA.send(.POST, "/api/v1/passages", json: body)
                XCTAssertEqual(r.status, .conflict, r.body.string)
                XCTAssertEqual(r.errorCode, "checkpoint_closed")
                XCTAssertTrue(r.errorMessage?.contains("已关闭") ?? false)
            }
            let stored = try await Passage.query(on: app.db).count()
            XCTAssertEqual(stored, 0)
        }
    }

    func testTheDatabaseFileIsTheServersAlone() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gatehouse-mode-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/gatehouse.sqlite"
        try GatehouseApp.restrictToOwner(path)
        FileManager.default.createFile(atPath: path + "-wal", contents: nil, attributes: [.posixPermissions: 0o644])
        try GatehouseApp.restrictToOwner(path)
        for file in [path, path + "-wal"] {
            let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as! NSNumber
            XCTAssertEqual(mode.intValue & 0o777, 0o600, file)
        }
        try FileManager.default.removeItem(atPath: folder)
    }

    func testMetricsCanBeLimitedToAddresses() async throws {
        guard case .success(let ranges) = AddressRanges.parse("127.0.0.1, 10.0.0.0/8 ::1 fd00::/8") else { return XCTFail() }
        XCTAssertTrue(ranges.contains(try SocketAddress(ipAddress: "10.20.30.40", port: 1)))
        XCTAssertTrue(ranges.contains(try SocketAddress(ipAddress: "::ffff:127.0.0.1", port: 1)))
        XCTAssertTrue(ranges.contains(try SocketAddress(ipAddress: "fd12::1", port: 1)))
        XCTAssertFalse(ranges.contains(try SocketAddress(ipAddress: "11.0.0.1", port: 1)))
        XCTAssertFalse(ranges.contains(nil))
        if case .success = AddressRanges.parse("10.0.0.0/33") { XCTFail("a prefix past 32 bits") }
        XCTAssertThrowsError(try AppConfiguration.fromEnvironment(["GATEHOUSE_METRICS_ALLOW": "localhost"])) {
            XCTAssertTrue("\($0)".contains("GATEHOUSE_METRICS_ALLOW"))
        }
        for (allow, status) in [("10.0.0.0/8", HTTPStatus.notFound), ("127.0.0.1", .ok)] {
            try await TestApp.run(adjust: { $0.metricsAllow = try? AddressRanges.parse(allow).get() }) { app in
                let r = try await app.testable(method: .running(port: 0)).sendRequest(.GET, "/metrics")
                XCTAssertEqual(r.status, status, allow)
            }
        }
    }

    func testTheBodyLimitIsTheDescribedOneAndOtherMethodsAreNamed() async throws {
        try await TestApp.run { app in
            let w = try await world(app)
            let g = w.g
            // Over a real socket: the limit is the HTTP server's, which an in-memory request never meets.
            let live = try app.testable(method: .running(hostname: "127.0.0.1", port: 38_000 + Int.random(in: 0..<2000)))
            func lookup(_ size: Int) async throws -> TestingHTTPResponse {
                var headers = HTTPHeaders()
                headers.bearerAuthorization = BearerAuthorization(token: g.guardA.token!)
                headers.contentType = .json
                let body = try JSONSerialization.data(withJSONObject: ["checkpointId": g.f.gateA.id!.uuidString, "idNumber": GateFixture.idNumber,
                                                                       "note": String(repeating: "x", count: size)])
                return try await live.sendRequest(.POST, "/api/v1/people/lookup", headers: headers, body: ByteBuffer(data: body))
            }
            let fits = try await lookup(60 * 1024).status
            XCTAssertEqual(fits, .ok, "60 KB is within the 64 KB the description states")
            let refused = try await lookup(65 * 1024)
            XCTAssertEqual(refused.status, .payloadTooLarge)
            XCTAssertTrue(refused.body.string.contains("提交的内容过大"), refused.body.string)
            let doc = try String(contentsOfFile: ResourceLocator.root + "openapi.json", encoding: .utf8)
            XCTAssertTrue(doc.contains("64 KB"))

            // A method a path does not answer: 405 naming those it does, also where a parameter route would take the word.
            let trace = try await g.guardA.send(.TRACE, "/api/v1/me")
            XCTAssertEqual(trace.status, .methodNotAllowed)
            XCTAssertEqual(trace.headers.first(name: .allow), "GET")
            XCTAssertEqual(trace.errorCode, "method_not_allowed")
            let scan = try await g.guardA.send(.GET, "/api/v1/passes/scan")
            XCTAssertEqual(scan.status, .methodNotAllowed)
            XCTAssertEqual(scan.headers.first(name: .allow), "POST")
            let missing = try await w.admin.send(.GET, "/api/v1/passes/\(UUID().uuidString)").status
            XCTAssertEqual(missing, .notFound, "a pass that does not exist is still not found")
            let head = try await w.admin.send(.HEAD, "/api/v1/passes/\(UUID().uuidString)").status
            XCTAssertEqual(head, .notFound, "HEAD is answered as GET is, not as a method the path refuses")
            let nowhere = try await g.guardA.send(.GET, "/api/v1/no-such-thing").status
            XCTAssertEqual(nowhere, .notFound)
            let emptyCursor = try await g.guardA.send(.GET, "/api/v1/passages?cursor=").status
            XCTAssertEqual(emptyCursor, .ok, "an empty cursor is the first page")
            let tooMany = try await g.guardA.send(.GET, "/api/v1/passages?limit=201").status
            XCTAssertEqual(tooMany, .unprocessableEntity)
        }
    }
}
