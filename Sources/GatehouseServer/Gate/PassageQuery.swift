import Fluent
import FluentSQL
import Foundation
import GatehouseCore
import GatehouseStore
import SQLKit
import Vapor

/// Lists passages in the caller's scope, newest first, with filters and an opaque keyset cursor.
struct PassageQuery {
    struct Filters: Content {
        var checkpointId: UUID?
        /// ISO 8601 instants, e.g. `2026-11-22T00:00:00Z` or `2026-11-22T08:00:00+08:00`.
        var from: String?
        var to: String?
        var status: String?
        var direction: String?
        var cursor: String?
        var limit: Int?
    }

    struct Page: Content {
        let items: [PassageView]
        let nextCursor: String?
    }

    let db: any Database
    let language: Language

    func page(_ f: Filters, for user: User) async throws -> Page {
        let rules = try await AccessScope(user).communityRests(on: db)
        // In a fixed order, so the same request runs the same statement.
        let communities = rules.keys.sorted { $0.uuidString < $1.uuidString }
        guard !communities.isEmpty else { return Page(items: [], nextCursor: nil) }
        if let asked = f.limit, !(1...200).contains(asked) { throw Self.bad("limit", "1–200") }
        let limit = f.limit ?? 50
        let engine = db.engine
        var gate = f.checkpointId
        if user.roleValue == .operator, let own = user.checkpointID, gate == nil { gate = own }
        // A resident reads their own household's passages only.
        var rest: SQLQueryString = user.roleValue == .resident ? try await OwnHousehold.of(user, on: db).condition : ""
        if let text = f.from {
            guard let from = Self.instant(text) else { throw Self.bad("from", "2026-11-22T00:00:00Z") }
            rest = "\(rest) AND recorded_at >= \(bind: from)"
        }
        if let text = f.to {
            guard let to = Self.instant(text) else { throw Self.bad("to", "2026-11-22T00:00:00Z") }
            rest = "\(rest) AND recorded_at < \(bind: to)"
        }
        if let status = f.status {
            guard ["normal", "abnormal"].contains(status) else { throw Self.bad("status", "normal, abnormal") }
            // A literal (from the two allowed values), so SQLite can use the abnormal passages' partial indexes (M017).
            rest = "\(rest) AND status = \(unsafeRaw: status == "abnormal" ? "'abnormal'" : "'normal'")"
        }
        if let direction = f.direction {
            guard Direction(rawValue: direction) != nil else { throw Self.bad("direction", "in, out") }
            rest = "\(rest) AND direction = \(bind: direction)"
        }
        // Without the cursor's tie-break: rows strictly older than the cursor (a subset of the page's rows).
        var older = rest
        // An empty cursor is no cursor (the first page), as the description's plain string allows.
        if let text = f.cursor, !text.isEmpty {
            guard let (at, id) = Self.decodeCursor(text, for: engine) else { throw Self.bad("cursor", "a nextCursor value") }
            rest = "\(rest) AND \(at.keyset(beyond: id, descending: true))"
            older = "\(older) AND recorded_at < \(bind: at.bind)"
        }
        let rows: [(passage: Passage, time: KeysetTime)]
        if let gate {
            // One gate (idx_passages_checkpoint_time), when it lies in the scope.
            guard let checkpoint = try await Checkpoint.find(gate, on: db), rules[checkpoint.$community.id] != nil else {
                return Page(items: [], nextCursor: nil)
            }
            rows = try await Self.newest(where: "checkpoint_id = \(bind: gate)\(rest)", limit: limit + 1, on: db)
        } else if communities.count == 1 {
            rows = try await Self.newest(where: "community_id = \(bind: communities[0])\(rest)", limit: limit + 1, on: db)
        } else {
            rows = try await Self.newest(inEach: communities, where: rest, older: older, limit: limit + 1, on: db)
        }
        let items = rows.prefix(limit).map(\.passage.values).map { PassageView($0, restSeconds: rules[$0.communityID] ?? 300, language: language) }
        let next = rows.count > limit ? rows[limit - 1] : nil
        return Page(items: Array(items), nextCursor: next.map { Self.encodeCursor($0.time, $0.passage.id!) })
    }

    private static let newestFirst = " ORDER BY recorded_at DESC, id DESC LIMIT "

    /// The newest `limit` passages matching `condition`, newest first.
    static func newest(where condition: SQLQueryString, limit: Int, on db: any Database) async throws -> [(passage: Passage, time: KeysetTime)] {
        try await passages("SELECT * FROM passages WHERE \(condition)\(unsafeRaw: newestFirst + String(limit))", on: db)
    }

    /// The newest `limit` passages of several communities that also match `rest` (`" AND …"`), newest first, in two
    /// steps: the `limit`-th newest time over the communities from their indexes alone (`oldestTime`), then the rows
    /// from that time on — one short range of each community's index. `community_id IN (…) ORDER BY recorded_at`
    /// alone reads and sorts every passage of the area, and reading `limit` whole rows of every community took
    /// several times longer. With fewer rows than a page there is no such time: then each community's own newest
    /// rows, merged. `older` is a cheaper condition whose rows all match `rest` (the cursor without its tie-break).
    static func newest(inEach communities: [UUID], where rest: SQLQueryString, older: SQLQueryString, limit: Int,
                       on db: any Database) async throws -> [(passage: Passage, time: KeysetTime)] {
        let order = newestFirst + String(limit)
        let sql = db as! any SQLDatabase
        if let since = try await oldestTime(inEach: communities, where: older, limit: limit, on: sql) {
            return try await passages("""
                SELECT * FROM passages WHERE community_id IN (\(binds: communities)) AND recorded_at >= \(bind: since.bind)\(rest)\(unsafeRaw: order)
                """, on: db)
        }
        let merged = eachCommunity("*", communities, where: "\(rest)\(unsafeRaw: order)", on: sql)
        return try await passages("\(merged)\(unsafeRaw: order)", on: db)
    }

    /// The time of the `limit`-th newest passage matching `condition` over the communities (only `recorded_at`,
    /// which their index holds), or nil when fewer match. Every row of the true page is at least that new, because
    /// `condition`'s rows are a subset of the page's.
    private static func oldestTime(inEach communities: [UUID], where condition: SQLQueryString, limit: Int,
                                   on sql: any SQLDatabase) async throws -> KeysetTime? {
        let newest = " ORDER BY recorded_at DESC LIMIT " + String(limit)
        let query = eachCommunity("recorded_at", communities, where: "\(condition)\(unsafeRaw: newest)", on: sql)
        let row = try await sql.raw("\(query) ORDER BY recorded_at DESC LIMIT 1 OFFSET \(unsafeRaw: String(limit - 1))").first()
        return try row.map { try KeysetTime.read($0, from: sql.engine) }
    }

    /// `SELECT <columns>` of `passages WHERE community_id = <each> <rest>` over the communities, to be ordered and cut:
    /// SQLite merges one `UNION ALL` arm per community; PostgreSQL joins the ids laterally (it plans a hundred arms
    /// slower than it runs them).
    private static func eachCommunity(_ columns: String, _ communities: [UUID], where rest: SQLQueryString,
                                      on sql: any SQLDatabase) -> SQLQueryString {
        var query: SQLQueryString = ""
        if sql.engine == .sqlite {
            for (n, id) in communities.enumerated() {
                let union = n > 0 ? " UNION ALL " : ""
                query = "\(query)\(unsafeRaw: union)SELECT * FROM (SELECT \(unsafeRaw: columns) FROM passages WHERE community_id = \(bind: id)\(rest)) AS arm\(unsafeRaw: String(n))"
            }
            return query
        }
        for (n, id) in communities.enumerated() { query = "\(query)\(unsafeRaw: n > 0 ? ", " : "")(\(bind: id))" }
        return """
            SELECT p.* FROM (VALUES \(query)) AS area(community) CROSS JOIN LATERAL
            (SELECT \(unsafeRaw: columns) FROM passages WHERE community_id = area.community\(rest)) AS p
            """
    }

    /// Each row as a model, with its time as stored (for the cursor).
    private static func passages(_ query: SQLQueryString, on db: any Database) async throws -> [(passage: Passage, time: KeysetTime)] {
        let sql = db as! any SQLDatabase
        let engine = db.engine
        return try await sql.raw(query).all().map { row in
            (try Passage.read(row), try KeysetTime.read(row, from: engine))
        }
    }

    static func bad(_ field: String, _ allowed: String) -> AppError {
        AppError(.unprocessableEntity, "invalid_filter", zh: "筛选条件\(field)无效（可用：\(allowed)）", en: "Invalid \(field) filter (use \(allowed))")
    }

    static func instant(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        if let d = plain.date(from: text) { return d }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }

    static func encodeCursor(_ at: KeysetTime, _ id: UUID) -> String {
        at.cursorText + "_" + id.uuidString
    }

    static func decodeCursor(_ text: String, for engine: StoreEngine) -> (KeysetTime, UUID)? {
        let parts = text.split(separator: "_")
        guard parts.count == 2, let at = KeysetTime(cursorText: parts[0], for: engine), let id = UUID(uuidString: String(parts[1])) else {
            return nil
        }
        return (at, id)
    }
}
