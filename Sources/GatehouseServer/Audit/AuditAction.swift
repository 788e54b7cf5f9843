import GatehouseCore

/// What the audit log records.
enum AuditAction: String, CaseIterable {
    case exportPassages
    case printPassages
    case contactTrace
    case exportContactTrace

    var label: LocalizedText {
        switch self {
        case .exportPassages: return LocalizedText(zh: "导出通行记录", en: "Exported passages")
        case .printPassages: return LocalizedText(zh: "打印体温登记表", en: "Printed the temperature register")
        case .contactTrace: return LocalizedText(zh: "流调查询", en: "Contact trace")
        case .exportContactTrace: return LocalizedText(zh: "导出流调结果", en: "Exported a contact trace")
        }
    }
}
