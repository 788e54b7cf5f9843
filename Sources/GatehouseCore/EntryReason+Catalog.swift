extension EntryReason {
    /// Every reason the gate can give, so that a stored code turns back into its sentence and a test can check
    /// that none of them shows the operator a code. The quota's and the rest's figures fill the sentences.
    public static func catalog(restSeconds: Int, quota: OutingQuota?) -> [EntryReason] {
        var reasons: [EntryReason] = [
            .remeasure(restSeconds: restSeconds), .feverConfirmed, .noMask, .notRegistered, .idCardExpired,
            .homeQuarantine, .passRevoked, .passSuspended, .noReading,
            .courierNoEntry, .visitorNeedsHost, .visitorEscorted, .visitorLeaving, .visitOver,
            .visitHouseholdQuarantined, .awaitingConfirmation, .proposedRegistration, .proposedRegistrationWaits,
            .offlineUnverified, .divisionUnknown,
        ]
        reasons += PassTokenError.all.map(EntryReason.pass)
        if let quota {
            reasons += [.quotaUsed(exits: quota.exits, days: quota.days), .outsideHours(from: quota.fromHour, to: quota.toHour)]
        } else {
            reasons += [
                EntryReason(code: "quota_used", message: LocalizedText(zh: "外出次数已用完", en: "Outing quota used up")),
                EntryReason(code: "outside_hours", message: LocalizedText(zh: "不在允许外出时段", en: "Outside the hours for going out")),
            ]
        }
        return reasons
    }

    /// A stored code's reason; a code no catalog knows (a newer version's, say) still reads as a sentence.
    public static func known(_ code: String, restSeconds: Int, quota: OutingQuota?) -> EntryReason {
        catalog(restSeconds: restSeconds, quota: quota).first { $0.code == code }
            ?? EntryReason(code: code, message: LocalizedText(zh: "其他原因（请查看记录详情）", en: "Another reason (see the record's details)"))
    }
}
