extension EntryReason {
    public static let courierNoEntry = EntryReason(
        code: "courier_no_entry",
        message: LocalizedText(zh: "快递外卖人员不进入小区：请将物品放到指定取件点，已通知收件住户",
                               en: "Couriers do not enter: leave the parcel at the pickup point; the household has been told"))
    public static let visitorNeedsHost = EntryReason(
        code: "visitor_needs_host",
        message: LocalizedText(zh: "尚无住户担保：请被访住户到门岗出示通行证担保并陪同进入（或在手机上担保），担保后再测温放行",
                               en: "No resident has vouched yet: a resident of the host household shows their pass here to vouch and escort the visitor (or vouches on their phone), then measure and let them in"))
    public static let visitorEscorted = EntryReason(
        code: "visitor_escorted",
        message: LocalizedText(zh: "住户已担保，须由住户陪同；访客通行仅限本次、当日有效",
                               en: "A resident vouched and escorts the visitor; valid for this visit and today only"),
        isWarning: true)
    public static let visitOver = EntryReason(
        code: "visit_over",
        message: LocalizedText(zh: "本次来访已结束或不是今天的登记：请重新登记", en: "This visit is over or was registered on another day: register again"))
    /// A visitor going out with their code: leaving is never refused, and the visit ends with it.
    public static let visitorLeaving = EntryReason(
        code: "visitor_leaving",
        message: LocalizedText(zh: "访客离开：登记出门后本次来访即结束", en: "The visitor is leaving: the visit ends with this passage"),
        isWarning: true)
    public static let visitHouseholdQuarantined = EntryReason(
        code: "visit_household_quarantined",
        message: LocalizedText(zh: "被访住户正在居家隔离医学观察：谢绝来访", en: "The household is under home medical observation: no visits"))
    public static let awaitingConfirmation = EntryReason(
        code: "awaiting_confirmation",
        message: LocalizedText(zh: "登记尚待社区审核或房东确认，暂无通行证：不予进入",
                               en: "The registration waits for the office or the landlord to confirm; no pass yet: entry refused"))
    /// An operator proposed this person for registration (登记备案); the office has not checked yet, and the
    /// community lets such people through meanwhile.
    public static let proposedRegistration = EntryReason(
        code: "registration_proposed",
        message: LocalizedText(zh: "已提交登记备案，待社区核实：本次按社区规定放行", en: "Proposed for registration; the office has not checked yet: let through as the community allows meanwhile"),
        isWarning: true)
    /// An operator proposed this person for registration; the community lets nobody in before its office checks.
    public static let proposedRegistrationWaits = EntryReason(
        code: "registration_proposed_waits",
        message: LocalizedText(zh: "已提交登记备案，须社区核实后方可进入", en: "Proposed for registration: entry only after the office has checked"))
}
