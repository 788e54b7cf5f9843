import Foundation
import GatehouseCore
import SQLKit

/// The purge's deletions, table by table in foreign-key order, each counted before it runs. Every statement is
/// limited to one community; a row that something still kept points to is kept too (`NOT EXISTS`), so the order
/// never breaks a reference.
struct PurgeSteps {
    let sql: any SQLDatabase
    let scope: PersonalDataPurge.Scope
    var counts = PurgeCounts()

    init(sql: any SQLDatabase, scope: PersonalDataPurge.Scope) {
        self.sql = sql
        self.scope = scope
    }

    private var c: UUID { scope.community }
    private var t: Date { scope.cutoff }

    private struct CountRow: Decodable { let n: Int }

    /// Counts and deletes the rows of `table` matching `predicate`.
    private mutating func purge(_ table: String, where predicate: SQLQueryString) async throws {
        let n = try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: table) WHERE \(predicate)").first(decoding: CountRow.self)?.n ?? 0
        if n > 0 { try await sql.raw("DELETE FROM \(ident: table) WHERE \(predicate)").run() }
        counts.add(n, to: table)
    }

    mutating func runAll() async throws {
        let all = scope.everything
        try await purge("card_reads", where: "checkpoint_id IN (SELECT id FROM checkpoints WHERE community_id = \(bind: c)) AND created_at < \(bind: t)")

        // Fever cases: closed before the cutoff (stand-down: all), with their steps.
        let cases: SQLQueryString = all
            ? "community_id = \(bind: c)"
            : "community_id = \(bind: c) AND closed_at IS NOT NULL AND closed_at < \(bind: t)"
        try await purge("fever_case_events", where: "case_id IN (SELECT id FROM fever_cases WHERE \(cases))")
        try await purge("fever_cases", where: cases)

        // What self-registrations led to: visits, deliveries, returnee reports (once monitoring ended), tenancies
        // (pending or refused ones; a confirmed tenancy stays while its tenant is a resident).
        try await purge("visits", where: "community_id = \(bind: c) AND day < \(bind: scope.firstKeptDay)")
        try await purge("deliveries", where: "community_id = \(bind: c) AND logged_at < \(bind: t)")
        let reports: SQLQueryString = "community_id = \(bind: c) AND monitoring_until < \(bind: scope.firstKeptDay) AND filed_at < \(bind: t)"
        // A check-in that opened a fever case stays while the case does (with its report).
        try await purge("returnee_check_ins", where: """
            report_id IN (SELECT id FROM returnee_reports WHERE \(reports))
            AND NOT EXISTS (SELECT 1 FROM fever_cases f WHERE f.check_in_id = returnee_check_ins.id)
            """)
        try await purge("returnee_reports", where: """
            \(reports) AND NOT EXISTS (SELECT 1 FROM returnee_check_ins ci WHERE ci.report_id = returnee_reports.id)
            """)
        try await purge("tenancies", where: all
            ? "community_id = \(bind: c)"
            : "community_id = \(bind: c) AND status <> 'confirmed' AND created_at < \(bind: t)")

        // Quarantine orders released before the cutoff, with their history and health reports; delivered supplies.
        let orders: SQLQueryString = all
            ? "community_id = \(bind: c)"
            : "community_id = \(bind: c) AND released_at IS NOT NULL AND released_at < \(bind: t)"
        try await purge("quarantine_health_reports", where: "order_id IN (SELECT id FROM quarantine_orders WHERE \(orders))")
        try await purge("quarantine_order_events", where: "order_id IN (SELECT id FROM quarantine_orders WHERE \(orders))")
        try await purge("quarantine_orders", where: orders)
        try await purge("supply_requests", where: all
            ? "community_id = \(bind: c)"
            : "community_id = \(bind: c) AND delivered_at IS NOT NULL AND delivered_at < \(bind: t)")

        // Passages: deleted in one statement that hands back what the daily figures need.
        let passages: SQLQueryString = """
            community_id = \(bind: c) AND recorded_at < \(bind: t)
            AND NOT EXISTS (SELECT 1 FROM fever_cases f WHERE f.passage_id = passages.id)
            AND NOT EXISTS (SELECT 1 FROM visits v WHERE v.entry_passage_id = passages.id OR v.exit_passage_id = passages.id)
            AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.passage_id = passages.id)
            """
        let deleted = try await sql.raw("""
            DELETE FROM passages WHERE \(passages) RETURNING checkpoint_id, recorded_at, direction, decision, status
            """).all(decoding: DailyCountTally.Row.self)
        try await DailyCountTally(sql: sql, community: c).add(deleted)
        counts.add(deleted.count, to: "passages")

        try await purge("self_registrations", where: """
            community_id = \(bind: c) AND created_at < \(bind: t)
            AND NOT EXISTS (SELECT 1 FROM visits v WHERE v.registration_id = self_registrations.id)
            AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.registration_id = self_registrations.id)
            AND NOT EXISTS (SELECT 1 FROM returnee_reports r WHERE r.registration_id = self_registrations.id)
            AND NOT EXISTS (SELECT 1 FROM tenancies n WHERE n.registration_id = self_registrations.id)
            AND NOT EXISTS (SELECT 1 FROM passages p WHERE p.registration_id = self_registrations.id)
            """)

        // The staff roster: shifts past the retention period; volunteers who left before it, with their training
        // (stand-down: all of it).
        try await purge("roster_shifts", where: all ? "community_id = \(bind: c)" : "community_id = \(bind: c) AND day < \(bind: scope.firstKeptDay)")
        let leftMembers: SQLQueryString = all ? "community_id = \(bind: c)" : """
            community_id = \(bind: c) AND left_at IS NOT NULL AND left_at < \(bind: t)
            AND NOT EXISTS (SELECT 1 FROM roster_shifts s WHERE s.member_id = roster_members.id)
            """
        try await purge("training_records", where: "member_id IN (SELECT id FROM roster_members WHERE \(leftMembers))")
        try await purge("roster_members", where: leftMembers)

        if all {
            // The register itself: passes, residents, households.
            try await sql.raw("UPDATE passes SET replaces_id = NULL WHERE community_id = \(bind: c)").run()
            try await purge("passes", where: "community_id = \(bind: c)")
            try await purge("residents", where: "community_id = \(bind: c)")
            try await purge("households", where: "community_id = \(bind: c)")
        }

        // People seen at the gate who are not residents, once nothing kept points to them. (A resident and their
        // person share the community: by the residents' unique (community_id, person_id) index — on person_id alone,
        // PostgreSQL hashed the whole city's residents for every community.)
        try await purge("persons", where: """
            community_id = \(bind: c) AND COALESCE(last_seen_at, created_at) < \(bind: t)
            AND NOT EXISTS (SELECT 1 FROM residents r WHERE r.community_id = persons.community_id AND r.person_id = persons.id)
            AND NOT EXISTS (SELECT 1 FROM passages p WHERE p.person_id = persons.id)
            AND NOT EXISTS (SELECT 1 FROM fever_cases f WHERE f.person_id = persons.id)
            AND NOT EXISTS (SELECT 1 FROM returnee_reports r WHERE r.person_id = persons.id)
            """)
        try await purgePhotos()
    }

    /// Photos of people and hand-overs (no-ID registrations, tenancy proofs, deliveries) that nothing kept uses;
    /// disinfection and spot-check photos show places, not people, and stay.
    private mutating func purgePhotos() async throws {
        struct IDRow: Decodable { let id: UUID }
        struct SpotRow: Decodable { let photo_ids: String }
        let candidates = try await sql.raw("""
            SELECT id FROM photos WHERE community_id = \(bind: c) AND created_at < \(bind: t)
            AND NOT EXISTS (SELECT 1 FROM persons p WHERE p.photo_id = photos.id)
            AND NOT EXISTS (SELECT 1 FROM disinfection_logs l WHERE l.photo_id = photos.id)
            AND NOT EXISTS (SELECT 1 FROM supply_requests s WHERE s.photo_id = photos.id)
            AND NOT EXISTS (SELECT 1 FROM tenancies n WHERE n.proof_photo_id = photos.id)
            """).all(decoding: IDRow.self).map(\.id)
        let spotPhotos = Set(try await sql.raw("SELECT photo_ids FROM spot_checks WHERE community_id = \(bind: c)")
            .all(decoding: SpotRow.self).flatMap { $0.photo_ids.split(separator: ",").compactMap { UUID(uuidString: String($0)) } })
        let doomed = candidates.filter { !spotPhotos.contains($0) }
        for chunk in stride(from: 0, to: doomed.count, by: 500).map({ Array(doomed[$0..<min($0 + 500, doomed.count)]) }) {
            try await sql.delete(from: "photos").where("id", .in, chunk).run()
        }
        counts.add(doomed.count, to: "photos")
    }
}
