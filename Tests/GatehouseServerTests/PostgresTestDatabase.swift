import Foundation
import GatehouseCore
@testable import GatehouseServer
import Logging
import PostgresNIO
import XCTVapor

/// PostgreSQL for the tests: the schema is migrated once per test process, and before each later test every table
/// but the migrations' own is emptied (`TRUNCATE … RESTART IDENTITY`), instead of dropping and migrating the schema
/// every time. Measured on this machine (one run, eight alternating set-ups each, `BENCHMARKS.md`): dropping and
/// migrating 0.41 s a test, copying a migrated template database (`CREATE DATABASE … TEMPLATE`) 0.71 s, emptying the
/// tables far less. A test that asks for no migration (`migrate: false`) gets an empty schema, and the next one
/// migrates again.
actor PostgresTestDatabase {
    static let shared = PostgresTestDatabase()

    private var migrated = false
    private let logger = Logger(label: "gatehouse.tests.postgres")

    /// Readies the database for one test. Returns whether the app must migrate it (the schema was just emptied).
    func prepare(_ url: String, migrate: Bool) async throws {
        let connection = try await PostgresConnection.connect(configuration: try Self.configuration(url), id: 1, logger: logger)
        do {
            if migrate, migrated {
                var tables: [String] = []
                for try await name in try await connection.query("""
                    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_fluent_migrations'
                    """, logger: logger).decode(String.self) { tables.append(name) }
                if !tables.isEmpty {
                    let list = tables.map { "\"\($0)\"" }.joined(separator: ", ")
                    try await connection.query(PostgresQuery(unsafeSQL: "TRUNCATE \(list) RESTART IDENTITY CASCADE"), logger: logger)
                }
            } else {
                try await connection.query("DROP SCHEMA public CASCADE", logger: logger)
                try await connection.query("CREATE SCHEMA public", logger: logger)
                migrated = migrate
            }
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }

    /// A test may end without its app migrating (it failed first): then the next one starts from an empty schema.
    func forget() { migrated = false }

    static func configuration(_ url: String) throws -> PostgresConnection.Configuration {
        guard let c = URLComponents(string: url), let host = c.host, let user = c.user, c.path.count > 1 else {
            throw ConfigurationError("GATEHOUSE_TEST_DATABASE_URL must look like postgres://user:password@host:5432/database")
        }
        return PostgresConnection.Configuration(host: host, port: c.port ?? 5432, username: user, password: c.password,
                                                database: String(c.path.dropFirst()), tls: .disable)
    }
}
