import FluentKit
import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import SQLKit
import SQLKit
import XCTVapor

/// The app factory for tests: every test gets a fresh app and an empty database — in-memory SQLite, or the
/// PostgreSQL database named by `GATEHOUSE_TEST_DATABASE_URL` (its schema dropped and migrated anew).
enum TestApp {
    static let today = Date(timeIntervalSince1970: 1_795_305_600) // 2026-11-22 00:00 UTC, 08:00 in China

    static var databaseChoice: DatabaseChoice {
        if let url = ProcessInfo.processInfo.environment["GATEHOUSE_TEST_DATABASE_URL"], !url.isEmpty {
            return .postgres(url: url)
        }
        return .sqliteMemory
    }

    /// Runs `body` with a configured, migrated app, and shuts it down afterwards whatever happens. On the PostgreSQL
    /// test database the schema is migrated once and emptied before each test (`PostgresTestDatabase`).
    static func run(database: DatabaseChoice? = nil, clock: FixedWallClock = FixedWallClock(today),
                    keyRing: SecretKeyRing = SecretKeyRing.generate().ring, migrate: Bool = true,
                    adjust: (inout AppConfiguration) -> Void = { _ in },
                    _ body: (Application) async throws -> Void) async throws {
        let choice = database ?? databaseChoice
        let shared: Bool
        if case .postgres(let url) = choice, case .postgres(let testURL) = databaseChoice, url == testURL {
            try await PostgresTestDatabase.shared.prepare(url, migrate: migrate)
            shared = true
        } else {
            shared = false
        }
        let app = try await Application.make(.testing)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gatehouse-test-\(UUID().uuidString)").path
        do {
            var config = AppConfiguration(database: choice, dataDirectory: folder,
                                          secretKeyPath: folder + "/secret.key", bcryptCost: 4,
                                          runsScheduledSteps: false)
            adjust(&config)
            try await GatehouseApp.configure(app, configuration: config, clock: clock, keyRing: keyRing)
            if migrate {
                do { try await app.autoMigrate() } catch {
                    if shared { await PostgresTestDatabase.shared.forget() }
                    throw error
                }
                try await GatehouseApp.prepareDatabase(app)
            }
            try await body(app)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
