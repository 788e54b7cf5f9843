import GatehouseCore

/// The steps of a quarantine order's history.
enum QuarantineOrderEventKind: String, CaseIterable {
    case ordered
    /// The first day came (for an order recorded ahead of time).
    case inForce
    case extended
    /// Released before the last day (a doctor's decision).
    case released
    /// The last day passed: released automatically.
    case ended

    var label: LocalizedText {
        switch self {
        case .ordered: return LocalizedText(zh: "下达隔离", en: "Ordered")
        case .inForce: return LocalizedText(zh: "开始执行", en: "In force")
        case .extended: return LocalizedText(zh: "延长", en: "Extended")
        case .released: return LocalizedText(zh: "提前解除", en: "Released early")
        case .ended: return LocalizedText(zh: "到期自动解除", en: "Ended automatically")
        }
    }
}
