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
}
