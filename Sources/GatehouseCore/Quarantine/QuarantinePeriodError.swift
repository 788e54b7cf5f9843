/// Why the days of a home quarantine order were refused.
public enum QuarantinePeriodError: Error, Sendable, Equatable {
    case startOutOfRange
    case endBeforeStart
    case tooLong
    case alreadyOver
    case extensionNotLater

    public var code: String {
        switch self {
        case .startOutOfRange: return "quarantine_start_out_of_range"
        case .endBeforeStart: return "quarantine_end_before_start"
        case .tooLong: return "quarantine_too_long"
        case .alreadyOver: return "quarantine_already_over"
        case .extensionNotLater: return "quarantine_extension_not_later"
        }
    }

    public var message: LocalizedText {
        switch self {
        case .startOutOfRange: return LocalizedText(zh: "开始日期应在14天前至30天后之间", en: "The first day must be between 14 days ago and 30 days ahead")
        case .endBeforeStart: return LocalizedText(zh: "结束日期不能早于开始日期", en: "The last day cannot be before the first day")
        case .tooLong: return LocalizedText(zh: "一次最多60天，到期可延长", en: "At most 60 days at a time; extend it when it ends")
        case .alreadyOver: return LocalizedText(zh: "结束日期已过", en: "The last day is already past")
        case .extensionNotLater: return LocalizedText(zh: "延长后的结束日期须晚于原结束日期", en: "The new last day must be later than the current one")
        }
    }
}
