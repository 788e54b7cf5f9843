import GatehouseCore

/// What the audit log records.
enum AuditAction: String, CaseIterable {
    case exportPassages
    case printPassages

    var label: LocalizedText {
        switch self {
        case .exportPassages: return LocalizedText(zh: "导出通行记录", en: "Exported passages")
        case .printPassages: return LocalizedText(zh: "打印体温登记表", en: "Printed the temperature register")
        }
    }
}
