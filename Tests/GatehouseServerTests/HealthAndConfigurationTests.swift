import Foundation
import GatehouseCore
@testable import GatehouseServer
import SQLKit
import XCTVapor

final class HealthAndConfigurationTests: XCTestCase {
    func testHealthzReportsTheDatabase() async throws {
        try await TestApp.run { app in
            let response = try await app.testable().sendRequest(.GET, "/healthz")
            XCTAssertEqual(response.status, .ok)
            let body = try response.content.decode(HealthController.Status.self)
            XCTAssertEqual(body.status, "ok")
            XCTAssertEqual(body.database, TestApp.databaseChoice.kindName)
        }
    }

    func testHealthzIs503WhenTheDatabaseIsGone() async throws {
        // Nothing listens on port 1: the database cannot answer.
        try await TestApp.run(database: .postgres(url: "postgres://nobody:none@127.0.0.1:1/none"), migrate: false) { app in
            let response = try await app.testable().sendRequest(.GET, "/healthz")
            XCTAssertEqual(response.status, .serviceUnavailable)
        }
    }

    func testConfigurationDefaultsAndErrors() throws {
        let plain = try AppConfiguration.fromEnvironment([:])
        XCTAssertEqual(plain.database, .sqliteFile(path: "./data/gatehouse.sqlite"))
        XCTAssertEqual(plain.hostname, "127.0.0.1")
        XCTAssertEqual(plain.port, 8080)
        XCTAssertEqual(plain.secretKeyPath, "./data/secret.key")
        let pg = try AppConfiguration.fromEnvironment(["DATABASE_URL": "postgres://u:p@localhost:5432/g", "GATEHOUSE_DATA_DIR": "/srv/g"])
        XCTAssertEqual(pg.database, .postgres(url: "postgres://u:p@localhost:5432/g"))
        XCTAssertEqual(pg.secretKeyPath, "/srv/g/secret.key")
        XCTAssertThrowsError(try AppConfiguration.fromEnvironment(["DATABASE_URL": "mysql://x"])) {
            XCTAssertTrue(String(describing: $0).contains("DATABASE_URL"))
        }
        XCTAssertThrowsError(try AppConfiguration.fromEnvironment(["GATEHOUSE_PORT": "80x"])) {
            XCTAssertTrue(String(describing: $0).contains("GATEHOUSE_PORT"))
        }
        XCTAssertTrue(plain.runsScheduledSteps, "an instance runs the timed steps unless told not to")
        let quiet = try AppConfiguration.fromEnvironment(["GATEHOUSE_SCHEDULER": "off"])
        XCTAssertFalse(quiet.runsScheduledSteps)
        XCTAssertThrowsError(try AppConfiguration.fromEnvironment(["GATEHOUSE_SCHEDULER": "no"])) {
            XCTAssertTrue(String(describing: $0).contains("GATEHOUSE_SCHEDULER must be on or off"))
        }
    }

    func testSecretKeyFileIsCreatedPrivateAndReused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gh-key-\(UUID().uuidString)").path
        let path = folder + "/secret.key"
        let first = try SecretKeyFile.loadOrCreate(at: path)
        XCTAssertTrue(first.created)
        let mode = (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! NSNumber).intValue
        XCTAssertEqual(mode & 0o777, 0o600)
        let second = try SecretKeyFile.loadOrCreate(at: path)
        XCTAssertFalse(second.created)
        XCTAssertEqual(second.ring.currentID, first.ring.currentID)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        XCTAssertThrowsError(try SecretKeyFile.loadOrCreate(at: path)) {
            XCTAssertTrue(String(describing: $0).contains("chmod 600"))
        }
        try "nonsense".write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        XCTAssertThrowsError(try SecretKeyFile.loadOrCreate(at: path))
    }

    func testUnknownAPIRouteAnswersJSONError() async throws {
        try await TestApp.run { app in
            let response = try await app.testable().sendRequest(.GET, "/api/v1/nothing-here")
            XCTAssertEqual(response.status, .notFound)
            let json = try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as! [String: Any]
            let error = json["error"] as! [String: String]
            XCTAssertEqual(error["code"], "not_found")
            XCTAssertFalse(error["message"]!.isEmpty)
        }
    }

    func testUnknownPageAnswersHTMLErrorInTheChosenLanguage() async throws {
        try await TestApp.run { app in
            let zh = try await app.testable().sendRequest(.GET, "/no-such-page")
            XCTAssertEqual(zh.status, .notFound)
            XCTAssertTrue(zh.body.string.contains("找不到该页面"))
            let en = try await app.testable().sendRequest(.GET, "/no-such-page", headers: ["Cookie": "lang=en"])
            XCTAssertTrue(en.body.string.contains("No such page"))
        }
    }
}
