extension EntryReason {
    public static let courierNoEntry = EntryReason(
        code: "courier_no_entry",
        message: LocalizedText(zh: "快递外卖人员不进入小区：请将物品放到指定取件点，已通知收件住户",
                               en: "Couriers do not enter: leave the parcel at the pickup point; the household has been told"))
    public static let visitorNeedsHost = EntryReason(
        code: "visitor_needs_host",
        message: LocalizedText(zh: "外来访客一律劝返：须被访住户到门口扫其通行证担保并陪同，或在手机上担保",
                               en: "Visitors are turned away unless a resident of the host household vouches at the gate (pass scanned) or on their phone, and escorts them"))
    public static let visitorEscorted = EntryReason(
        code: "visitor_escorted",
        message: LocalizedText(zh: "住户已担保，须由住户陪同；访客通行仅限本次、当日有效",
                               en: "A resident vouched and escorts the visitor; valid for this visit and today only"),
        isWarning: true)
    public static let visitOver = EntryReason(
        code: "visit_over",
        message: LocalizedText(zh: "本次来访已结束或不是今天的登记：请重新登记", en: "This visit is over or was registered on another day: register again"))
    public static let visitHouseholdQuarantined = EntryReason(
        code: "visit_household_quarantined",
        message: LocalizedText(zh: "被访住户正在居家隔离医学观察：谢绝来访", en: "The household is under home medical observation: no visits"))
    public static let awaitingConfirmation = EntryReason(
        code: "awaiting_confirmation",
        message: LocalizedText(zh: "登记尚待社区审核或房东确认，暂无通行证：不予进入",
                               en: "The registration waits for the office or the landlord to confirm; no pass yet: entry refused"))
}
