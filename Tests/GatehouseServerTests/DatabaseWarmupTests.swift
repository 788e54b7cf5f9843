import Fluent
import Foundation
@testable import GatehouseServer
import SQLKit
import XCTVapor

/// Before serving on PostgreSQL every connection of the pool is open (and the lane's, its batch statement
/// prepared); on SQLite there is nothing to open.
final class DatabaseWarmupTests: XCTestCase {
    func testOnPostgreSQLThePoolIsOpenBeforeTheFirstRequest() async throws {
        guard case .postgres = TestApp.databaseChoice else { throw XCTSkip("PostgreSQL only (GATEHOUSE_TEST_DATABASE_URL)") }
        try await TestApp.run { app in
            let loops = Array(app.eventLoopGroup.makeIterator()).count
            let held = try await DatabaseWarmup.run(app)
            XCTAssertEqual(held, GatehouseApp.postgresConnectionsPerLoop * loops)
            struct Count: Decodable { let n: Int }
            let open = try await (app.db as! any SQLDatabase).raw("""
                SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database()
                """).first(decoding: Count.self)
            XCTAssertGreaterThanOrEqual(open?.n ?? 0, held + 1, "the pool's connections and the lane's")
            // The lane's empty batch stored nothing.
            let stored = try await Passage.query(on: app.db).count()
            XCTAssertEqual(stored, 0)
        }
    }

    func testOnSQLiteThereIsNothingToOpen() async throws {
        try await TestApp.run(database: .sqliteMemory) { app in
            let held = try await DatabaseWarmup.run(app)
            XCTAssertEqual(held, 0)
        }
    }
}
