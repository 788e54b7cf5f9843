import Fluent
import Foundation
import GatehouseCore

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
        let query = Passage.query(on: db).filter(\.$direction == Direction.out.rawValue)
            .filter(\.$decision == EntryDecision.allow.rawValue).filter(\.$recordedAt >= quota.windowStart(now: now))
        switch quota.scope {
        case .household:
            guard let householdID else { return nil }
            query.filter(\.$householdID == householdID)
        case .person:
            if let personID { query.filter(\.$person.$id == personID) }
            else if let passID { query.filter(\.$passID == passID) }
            else { return nil }
        }
        let used = try await query.count()
        let check = quota.check(exitsInWindow: used, now: now)
        return Status(remaining: check.remaining, exits: quota.exits, days: quota.days, fromHour: quota.fromHour,
                      toHour: quota.toHour, refusal: check.refusal)
    }
}
