import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Logging
import NIOPosix
import PostgresNIO

/// A database for the store's tests, without any web framework: SQLite in memory or in a file, or the PostgreSQL
/// database named by `GATEHOUSE_TEST_DATABASE_URL`. Each gets its own loop, thread pool and connection pool,
/// closed when the test ends.
enum StoreDatabase {
    static let logger = Logger(label: "gatehouse.store.tests")

    /// The PostgreSQL test database's URL, when one is set.
    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["GATEHOUSE_TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A new SQLite file's path in the temporary folder.
    static func temporaryFile() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("gatehouse-store-\(UUID().uuidString).sqlite").path
    }

    /// Runs `body` on SQLite in memory (`file` nil) or in `file`.
    static func withSQLite(file: String? = nil, _ body: (any Database) async throws -> Void) async throws {
        try await with({ $0.use(.sqlite(file.map { .file($0) } ?? .memory), as: .sqlite) }, id: .sqlite, body)
    }

    /// Runs `body` on the PostgreSQL test database.
    static func withPostgres(_ url: String, _ body: (any Database) async throws -> Void) async throws {
        try await with({ $0.use(.postgres(configuration: try SQLPostgresConfiguration(url: url)), as: .psql) }, id: .psql, body)
    }

    private static func with(_ configure: (Databases) throws -> Void, id: DatabaseID,
                             _ body: (any Database) async throws -> Void) async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let pool = NIOThreadPool(numberOfThreads: 2)
        pool.start()
        let databases = Databases(threadPool: pool, on: group)
        do {
            try configure(databases)
            try await body(databases.database(id, logger: logger, on: group.next())!)
        } catch {
            await close(databases, pool, group)
            throw error
        }
        await close(databases, pool, group)
    }

    private static func close(_ databases: Databases, _ pool: NIOThreadPool, _ group: MultiThreadedEventLoopGroup) async {
        await databases.shutdownAsync()
        try? await pool.shutdownGracefully()
        try? await group.shutdownGracefully()
    }
}
