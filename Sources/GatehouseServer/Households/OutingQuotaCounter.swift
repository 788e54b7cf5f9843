import Fluent
import Foundation
import GatehouseCore
import SQLKit

/// Counts the exits that used a community's outing quota: allowed passages out in the window, by household or
/// by person (by pass when a household pass was shown for a person-scoped quota).
struct OutingQuotaCounter {
    let db: any Database

    struct Status: Encodable {
        let remaining: Int
        let exits: Int
        let days: Int
        let fromHour: Int
        let toHour: Int
        let refusal: EntryReason?
    }

    /// The quota at `now`; `before` (a passage taken offline, counted at sync) leaves out exits taken after it.
    func status(_ quota: OutingQuota?, householdID: UUID?, personID: UUID?, passID: UUID?, now: Date,
                before: Date? = nil) async throws -> Status? {
        guard let quota else { return nil }
        let holder: SQLQueryString
        switch quota.scope {
        case .household:
            guard let householdID else { return nil }
            holder = "household_id = \(bind: householdID)"
        case .person:
            if let personID { holder = "person_id = \(bind: personID)" }
            else if let passID { holder = "pass_id = \(bind: passID)" }
            else { return nil }
        }
        let sql = db as! any SQLDatabase
        let used = try await sql.raw(Self.query(holder, since: quota.windowStart(now: now), before: before)).first()?
            .decode(column: "used", as: Int.self) ?? 0
        let check = quota.check(exitsInWindow: used, now: now)
        return Status(remaining: check.remaining, exits: quota.exits, days: quota.days, fromHour: quota.fromHour,
                      toHour: quota.toHour, refusal: check.refusal)
    }

    /// One COUNT of the allowed exits of `holder` since `start` (the gate's hot path asks it for every exit under a
    /// quota): `idx_passages_household_exits`, `idx_passages_pass_exits` (partial indexes of the allowed exits,
    /// M019: the direction and the decision are literals here so that both databases match them) and
    /// `idx_passages_person` serve it.
    static func query(_ holder: SQLQueryString, since start: Date, before end: Date? = nil) -> SQLQueryString {
        var query: SQLQueryString = """
            SELECT COUNT(*) AS used FROM passages WHERE \(holder) AND direction = 'out' AND decision = 'allow' \
            AND recorded_at >= \(bind: start)
            """
        if let end { query = query + " AND recorded_at < \(bind: end)" }
        return query
    }
}
