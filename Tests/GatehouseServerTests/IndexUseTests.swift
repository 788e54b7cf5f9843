import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import GatehouseStore
import SQLKit
import XCTVapor

/// The big tables' look-ups that a missing index turns into whole-table reads at city scale (docs/INDEXES.md),
/// checked with the database's own plan. PostgreSQL plans with sequential scans disabled: on a near-empty table it
/// would rightly prefer them, and what matters here is that an index can serve the condition.
final class IndexUseTests: XCTestCase {
    func plan(_ query: SQLQueryString, on db: any Database) async throws -> String {
        let sql = db as! any SQLDatabase
        if db.engine == .sqlite {
            let rows = try await sql.raw("EXPLAIN QUERY PLAN \(query)").all()
            return try rows.map { try $0.decode(column: "detail", as: String.self) }.joined(separator: "\n")
        }
        return try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            try await sql.raw("SET LOCAL enable_seqscan = off").run()
            let rows = try await sql.raw("EXPLAIN \(query)").all()
            return try rows.map { try $0.decode(column: "QUERY PLAN", as: String.self) }.joined(separator: "\n")
        }
    }

    func testThePurgeAndTheAreaListsFindTheirRowsByIndex() async throws {
        try await TestApp.run { app in
            let id = UUID(), other = UUID(), since = Date()
            let registration = try await plan("SELECT 1 FROM passages p WHERE p.registration_id = \(bind: id)", on: app.db)
            XCTAssertTrue(registration.contains("idx_passages_registration"), registration)
            let resident = try await plan("SELECT 1 FROM residents r WHERE r.community_id = \(bind: id) AND r.person_id = \(bind: other)", on: app.db)
            XCTAssertTrue(resident.contains("INDEX sqlite_autoindex_residents_2 (community_id=? AND person_id=?)")
                          || resident.contains("\"uq:residents.community_id+residents.person_id\""), resident)
            // An area list's first step reads the time from each community's index alone.
            let newest = try await plan("""
                SELECT recorded_at FROM passages WHERE community_id = \(bind: id) AND recorded_at < \(bind: since) ORDER BY recorded_at DESC LIMIT 51
                """, on: app.db)
            XCTAssertTrue(newest.contains("idx_passages_community_time"), newest)
            let abnormal = try await plan("""
                SELECT * FROM passages WHERE community_id = \(bind: id) AND status = 'abnormal' ORDER BY recorded_at DESC LIMIT 51
                """, on: app.db)
            XCTAssertTrue(abnormal.contains("idx_passages_abnormal_community"), abnormal)
        }
    }

    func testAPendingReMeasureIsFoundFromItsPartialIndexes() async throws {
        try await TestApp.run { app in
            let id = UUID()
            for (column, index) in [("person_id", "idx_passages_pending_person"), ("pass_id", "idx_passages_pending_pass")] {
                let plan = try await plan("""
                    SELECT id FROM passages WHERE \(ident: column) = \(bind: id) AND awaiting_remeasure AND community_id = \(bind: id)
                    ORDER BY recorded_at DESC LIMIT 1
                    """, on: app.db)
                XCTAssertTrue(plan.contains(index) || plan.contains("idx_passages_pending_"), plan)
            }
        }
    }

    func testTheOutingQuotaCountsFromItsPartialIndexes() async throws {
        try await TestApp.run { app in
            let id = UUID(), since = Date()
            for (holder, index) in [("household_id", "idx_passages_household_exits"), ("pass_id", "idx_passages_pass_exits"),
                                    ("person_id", "idx_passages_person")] {
                let query = OutingQuotaCounter.query("\(ident: holder) = \(bind: id)", since: since)
                let plan = try await plan(query, on: app.db)
                if app.db.engine == .sqlite {
                    XCTAssertTrue(plan.contains(index), plan)
                } else {
                    // PostgreSQL costs the empty partial indexes alike and may walk either by time; that it can use
                    // one at all shows the query's literals match their condition.
                    XCTAssertTrue(plan.contains(index) || plan.contains("_exits on passages"), plan)
                }
            }
            // The literals the partial indexes name are the values the gate stores.
            XCTAssertEqual(Direction.out.rawValue, "out")
            XCTAssertEqual(EntryDecision.allow.rawValue, "allow")
        }
    }
}
