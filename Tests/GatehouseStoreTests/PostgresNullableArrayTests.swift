import FluentPostgresDriver
import Foundation
import GatehouseStore
import PostgresNIO
import Testing

/// An array with NULLs among its values reaches PostgreSQL as the array it is (a batch insert binds its nullable
/// columns so). PostgreSQL only: `GATEHOUSE_TEST_DATABASE_URL`.
struct PostgresNullableArrayTests {
    @Test(.enabled(if: StoreDatabase.postgresURL != nil, "PostgreSQL only (GATEHOUSE_TEST_DATABASE_URL)"))
    func nullsAndValuesArriveInTheirPlaces() async throws {
        try await StoreDatabase.withPostgres(StoreDatabase.postgresURL!) { db in
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
            let postgres = db as! any PostgresDatabase
            let rows = try await postgres.withConnection { $0.query(query, logger: StoreDatabase.logger) }.get().rows
            let row = try #require(rows.first)
            let (ids, n, dated, stored, empty, texts) = try row.decode((String, Int, Bool, Date, Int, String).self)
            #expect(ids == "\(a.uuidString.lowercased()),-,\(b.uuidString.lowercased()),-")
            #expect(n == 4)
            #expect(dated)
            #expect(abs(stored.timeIntervalSince1970 - at.timeIntervalSince1970) < 1e-6)
            #expect(empty == 0)
            #expect(texts == "甲,-")
        }
    }
}
