import GatehouseCore

/// Turns a stored reason code back into its message.
enum EntryReasonCatalog {
    static func reason(_ code: String, restSeconds: Int, quota: OutingQuota? = nil) -> EntryReason {
        if let error = PassTokenError.all.first(where: { $0.code == code }) { return .pass(error) }
        switch code {
        case "home_quarantine": return .homeQuarantine
        case "pass_revoked": return .passRevoked
        case "pass_suspended": return .passSuspended
        case "quota_used":
            return quota.map { .quotaUsed(exits: $0.exits, days: $0.days) }
                ?? EntryReason(code: code, message: LocalizedText(zh: "外出次数已用完", en: "Outing quota used up"))
        case "outside_hours":
            return quota.map { .outsideHours(from: $0.fromHour, to: $0.toHour) }
                ?? EntryReason(code: code, message: LocalizedText(zh: "不在允许外出时段", en: "Outside the hours for going out"))
        case "remeasure_required": return .remeasure(restSeconds: restSeconds)
        case "fever": return .feverConfirmed
        case "no_mask": return .noMask
        case "not_registered": return .notRegistered
        case "id_card_expired": return .idCardExpired
        case "no_temperature": return .noReading
        default: return EntryReason(code: code, message: LocalizedText(zh: code, en: code))
        }
    }
}
