/// Why a reading cannot be stored.
public enum TemperatureError: Error, Sendable, Equatable {
    /// Outside 34.0–42.5 °C: a bad measurement.
    case outOfRange
    /// More than one decimal.
    case precision
    /// Not a number at all.
    case notANumber
    /// A reading under the community's lowest believable one: measure again, warmer.
    case tooLow(lowest: BodyTemperature)

    /// `invalid_temperature` for a bad reading, `temperature_too_low` for one to take again: the client shows the message.
    public var code: String {
        if case .tooLow = self { return "temperature_too_low" }
        return "invalid_temperature"
    }

    public var message: LocalizedText {
        switch self {
        case .outOfRange:
            return LocalizedText(zh: "体温读数无效（应在34.0至42.5℃之间），请重新测量",
                                 en: "Invalid reading (it must lie between 34.0 and 42.5 °C); measure again")
        case .precision:
            return LocalizedText(zh: "体温保留一位小数，如36.6", en: "Give the temperature with one decimal, e.g. 36.6")
        case .notANumber:
            return LocalizedText(zh: "请输入体温读数，如36.6", en: "Enter a temperature reading, e.g. 36.6")
        case .tooLow(let lowest):
            return LocalizedText(zh: "读数低于\(lowest.description)℃，可能是额头或体温枪受冷：请改测手腕，或将体温枪捂热后重新测量",
                                 en: "The reading is below \(lowest.description) °C — a cold forehead or a cold thermometer: measure at the wrist, or warm the thermometer and measure again")
        }
    }
}
