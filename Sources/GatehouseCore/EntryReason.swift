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
    public static let noReading = EntryReason(
        code: "no_temperature",
        message: LocalizedText(zh: "请先测量体温", en: "Measure the temperature first"))
}
