import GatehouseCore

/// What the audit log records.
enum AuditAction: String, CaseIterable {
    case exportPassages
    case printPassages
    case contactTrace
    case exportContactTrace
    case policeGrant
    case policeGrantRevoked
    case policeView
    case spotCheck
    /// Any other change (a form or API write), by route.
    case change
    /// Staff opened a household's record (its members' masked data, passes).
    case viewHousehold
    /// Full ID number, phone and address shown to staff, with the reason they gave.
    case reveal
    /// An operator looked an ID number up at the gate; the detail names the community and gate.
    case personLookup

    var label: LocalizedText {
        switch self {
        case .exportPassages: return LocalizedText(zh: "导出通行记录", en: "Exported passages")
        case .printPassages: return LocalizedText(zh: "打印体温登记表", en: "Printed the temperature register")
        case .contactTrace: return LocalizedText(zh: "流调查询", en: "Contact trace")
        case .exportContactTrace: return LocalizedText(zh: "导出流调结果", en: "Exported a contact trace")
        case .policeGrant: return LocalizedText(zh: "授权公安督导查看", en: "Granted police access")
        case .policeGrantRevoked: return LocalizedText(zh: "收回公安督导授权", en: "Revoked police access")
        case .policeView: return LocalizedText(zh: "公安督导查看", en: "Police viewed")
        case .spotCheck: return LocalizedText(zh: "公安抽查记录", en: "Police spot check")
        case .change: return LocalizedText(zh: "修改", en: "Change")
        case .viewHousehold: return LocalizedText(zh: "查看住户信息", en: "Viewed the household")
        case .reveal: return LocalizedText(zh: "查看完整身份信息", en: "Revealed full personal data")
        case .personLookup: return LocalizedText(zh: "在卡点被查询", en: "Looked up at a gate")
        }
    }
}
