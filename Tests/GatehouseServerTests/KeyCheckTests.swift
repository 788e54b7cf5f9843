import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import SQLKit
import XCTVapor

/// The wrong key stops the server: a missing, incomplete or foreign key file is refused at start; rotation works.
final class KeyCheckTests: XCTestCase {
    func testTheKeyFileMustBeTheDatabasesOwn() async throws {
        let (ring, text) = SecretKeyRing.generate()
        try await TestApp.run(keyRing: ring) { app in
            let now = app.gatehouse.clock.now()
            // An empty database takes any key, and remembers it.
            try await KeyCheck.verify(ring: ring, keyFile: "/nowhere", keyFileCreated: true, now: now, on: app.db)
            try await KeyCheck.verify(ring: ring, keyFile: "/nowhere", keyFileCreated: false, now: now, on: app.db)
            // Another installation's key file with the same key id.
            let foreign = SecretKeyRing.generate().ring
            do {
                try await KeyCheck.verify(ring: foreign, keyFile: "/etc/gh.key", keyFileCreated: false, now: now, on: app.db)
                XCTFail("a foreign key was accepted")
            } catch let error as ConfigurationError {
                XCTAssertTrue(error.description.contains("another installation"), error.description)
            }
            // Rotation: a new key appended is recorded; the old one stays for reading.
            let rotated = try SecretKeyRing(text: text + "k2:\(Data(repeating: 7, count: 32).base64EncodedString())\n")
            try await KeyCheck.verify(ring: rotated, keyFile: "/etc/gh.key", keyFileCreated: false, now: now, on: app.db)
            let ids = try await (app.db as! any SQLDatabase).raw("SELECT key_id FROM key_checks ORDER BY key_id").all()
                .map { try $0.decode(column: "key_id", as: String.self) }
            XCTAssertEqual(ids, ["k1", "k2"])
            // A file that lost a key the data is sealed with.
            let only2 = try SecretKeyRing(text: "k2:\(Data(repeating: 7, count: 32).base64EncodedString())\n")
            do {
                try await KeyCheck.verify(ring: only2, keyFile: "/etc/gh.key", keyFileCreated: false, now: now, on: app.db)
                XCTFail("an incomplete key file was accepted")
            } catch let error as ConfigurationError {
                XCTAssertTrue(error.description.contains("lacks key k1"), error.description)
            }
        }
    }

    func testANewKeyFileIsRefusedForADatabaseThatHoldsDataAndRemoved() async throws {
        try await TestApp.run { app in
            _ = try await Fixture.make(app)  // communities: data sealed with some key
            let (ring, text) = SecretKeyRing.generate()
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("gh-\(UUID().uuidString).key").path
            FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
            do {
                try await KeyCheck.verify(ring: ring, keyFile: path, keyFileCreated: true, now: Date(), on: app.db)
                XCTFail("a new key served a populated database")
            } catch let error as ConfigurationError {
                XCTAssertTrue(error.description.contains("restore the key file"), error.description)
            }
            XCTAssertFalse(FileManager.default.fileExists(atPath: path), "the new key file is removed, so the next start asks again")
            let checks = try await (app.db as! any SQLDatabase).raw("SELECT key_id FROM key_checks").all()
            XCTAssertTrue(checks.isEmpty)
        }
    }
}
