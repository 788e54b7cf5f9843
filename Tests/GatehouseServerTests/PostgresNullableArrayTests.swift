import FluentPostgresDriver
import Foundation
@testable import GatehouseServer
import PostgresNIO
import XCTVapor

/// An array with NULLs among its values reaches PostgreSQL as the array it is (the batch insert binds its nullable
/// columns so).
final class PostgresNullableArrayTests: XCTestCase {
    func testNullsAndValuesArriveInTheirPlaces() async throws {
        guard case .postgres = TestApp.databaseChoice else { throw XCTSkip("PostgreSQL only (GATEHOUSE_TEST_DATABASE_URL)") }
        try await TestApp.run(migrate: false) { app in
            let a = UUID(), b = UUID()
            let at = Date(timeIntervalSince1970: 1_795_305_600.25)
            var bindings = PostgresBindings()
            bindings.append(PostgresNullableArray<UUID>([a, nil, b, nil]))
            bindings.append(PostgresNullableArray<Date>([nil, at]))
            bindings.append(PostgresNullableArray<UUID>([]))
            bindings.append(PostgresNullableArray<String>(["甲", nil]))
            let query = PostgresQuery(unsafeSQL: """
                SELECT array_to_string($1::uuid[], ',', '-') AS ids, cardinality($1::uuid[]) AS n,
                       array_to_string($2::timestamptz[], ',', '-') IS NOT NULL AS dated, ($2::timestamptz[])[2] AS at,
                       cardinality($3::uuid[]) AS empty, array_to_string($4::text[], ',', '-') AS texts
                """, binds: bindings)
            let postgres = app.db as! any PostgresDatabase
            let rows = try await postgres.withConnection { $0.query(query, logger: app.logger) }.get().rows
            let row = try XCTUnwrap(rows.first)
            let (ids, n, dated, stored, empty, texts) = try row.decode((String, Int, Bool, Date, Int, String).self)
            XCTAssertEqual(ids, "\(a.uuidString.lowercased()),-,\(b.uuidString.lowercased()),-")
            XCTAssertEqual(n, 4)
            XCTAssertTrue(dated)
            XCTAssertEqual(stored.timeIntervalSince1970, at.timeIntervalSince1970, accuracy: 1e-6)
            XCTAssertEqual(empty, 0)
            XCTAssertEqual(texts, "甲,-")
        }
    }
}
