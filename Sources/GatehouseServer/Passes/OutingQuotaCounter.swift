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

    func status(_ quota: OutingQuota?, householdID: UUID?, personID: UUID?, passID: UUID?, now: Date) async throws -> Status? {
        guard let quota else { return nil }
        // One COUNT through SQLKit (the gate's hot path asks this for every exit): idx_passages_household_out,
        // idx_passages_pass_out and idx_passages_person serve it.
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
        let query: SQLQueryString = """
            SELECT COUNT(*) AS used FROM passages WHERE \(holder) AND direction = \(bind: Direction.out.rawValue) \
            AND decision = \(bind: EntryDecision.allow.rawValue) AND recorded_at >= \(bind: quota.windowStart(now: now))
            """
        let used = try await sql.raw(query).first()?.decode(column: "used", as: Int.self) ?? 0
        let check = quota.check(exitsInWindow: used, now: now)
        return Status(remaining: check.remaining, exits: quota.exits, days: quota.days, fromHour: quota.fromHour,
                      toHour: quota.toHour, refusal: check.refusal)
    }
}
