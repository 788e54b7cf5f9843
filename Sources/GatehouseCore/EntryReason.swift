/// One reason behind a decision: a stable code and what to tell the operator and the person.
public struct EntryReason: Sendable, Equatable, Codable {
    public let code: String
    public let message: LocalizedText
    /// A warning goes with the decision without changing it (an expired ID card still passes).
    public let isWarning: Bool

    public init(code: String, message: LocalizedText, isWarning: Bool = false) {
        self.code = code
        self.message = message
        self.isWarning = isWarning
    }

    public static func remeasure(restSeconds: Int) -> EntryReason {
        let minutes = max(1, (restSeconds + 59) / 60)
        return EntryReason(code: "remeasure_required",
                           message: LocalizedText(zh: "体温偏高，请在通风处休息\(minutes)分钟后复测", en: "Temperature high: rest \(minutes) minutes in the open air, then measure again"))
    }

    public static let feverConfirmed = EntryReason(
        code: "fever",
        message: LocalizedText(zh: "复测仍发热：请引导至临时留观处，并报告社区、物业和卫生健康部门",
                               en: "Fever confirmed on re-measure: take the person to the observation room and report to the community, property office and health department"))
    public static let noMask = EntryReason(
        code: "no_mask",
        message: LocalizedText(zh: "未佩戴口罩：请佩戴口罩后再通行", en: "No mask: put on a mask, then pass"))
    public static let notRegistered = EntryReason(
        code: "not_registered",
        message: LocalizedText(zh: "非本社区登记人员，无通行证：不予进入", en: "Not registered in this community and no pass: entry refused"))
    public static let idCardExpired = EntryReason(
        code: "id_card_expired",
        message: LocalizedText(zh: "身份证已过有效期，请提醒其尽快换领", en: "The ID card has expired; remind the holder to renew it"),
        isWarning: true)
    /// The first six digits of the ID number are a division code no year of GB/T 2260 ever had: a typing mistake or
    /// a forged number, to check against the card.
    public static let divisionUnknown = EntryReason(
        code: "division_unknown",
        message: LocalizedText(zh: "行政区划代码不存在：身份证号码前6位不是任何年份的地区代码，请核对证件",
                               en: "Unknown division code: the ID number's first six digits name no area in any year; check the card"),
        isWarning: true)
    public static let homeQuarantine = EntryReason(
        code: "home_quarantine",
        message: LocalizedText(zh: "该户正在居家隔离医学观察，所有成员不得外出（生活物资由社区配送）",
                               en: "This household is under home medical observation: no member may go out (the community delivers supplies)"))
    public static let passRevoked = EntryReason(
        code: "pass_revoked", message: LocalizedText(zh: "通行证已作废", en: "The pass has been revoked"))
    public static let passSuspended = EntryReason(
        code: "pass_suspended", message: LocalizedText(zh: "通行证已暂停使用", en: "The pass is suspended"))

    /// A genuine pass of another community, naming it (it is printed on the pass card too).
    public static func passOfOtherCommunity(_ name: String) -> EntryReason {
        EntryReason(code: PassTokenError.wrongCommunity.code,
                    message: LocalizedText(zh: "此通行证属于\(name)，不是本社区的通行证", en: "This pass belongs to \(name), not to this community"))
    }

    /// The gate's reason for a token that does not verify.
    public static func pass(_ error: PassTokenError) -> EntryReason {
        EntryReason(code: error.code, message: error.message)
    }

    /// Over the outing quota: how many exits are allowed in how many days, and when the next is possible.
    public static func quotaUsed(exits: Int, days: Int) -> EntryReason {
        EntryReason(code: "quota_used",
                    message: LocalizedText(zh: "外出次数已用完（每\(days)天\(exits)次）", en: "Outing quota used up (\(exits) per \(days) days)"))
    }

    /// Outside the hours when going out is allowed.
    public static func outsideHours(from: Int, to: Int) -> EntryReason {
        EntryReason(code: "outside_hours",
                    message: LocalizedText(zh: "不在允许外出时段（\(from):00–\(to):00）", en: "Outside the hours for going out (\(from):00–\(to):00)"))
    }

    /// Recorded at a gate without network, where what it needs (the register, a visitor's or a landlord's code) could
    /// not be checked: the guard decided, and the server checks it when the gate is back online.
    public static let offlineUnverified = EntryReason(
        code: "offline_unverified",
        message: LocalizedText(zh: "离线登记，联网后核实", en: "Recorded offline: checked when back online"), isWarning: true)

    public static let noReading = EntryReason(
        code: "no_temperature",
        message: LocalizedText(zh: "请先测量体温", en: "Measure the temperature first"))
}
