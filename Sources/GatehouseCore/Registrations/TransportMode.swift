/// How a returnee travelled; public transport needs its number for contact tracing.
public enum TransportMode: String, Sendable, Codable, CaseIterable {
    case train, plane, coach, car, ship, other

    public var label: LocalizedText {
        switch self {
        case .train: return LocalizedText(zh: "火车/高铁", en: "Train")
        case .plane: return LocalizedText(zh: "飞机", en: "Plane")
        case .coach: return LocalizedText(zh: "长途客车", en: "Coach")
        case .car: return LocalizedText(zh: "自驾/私家车", en: "Car")
        case .ship: return LocalizedText(zh: "轮船", en: "Ship")
        case .other: return LocalizedText(zh: "其他", en: "Other")
        }
    }

    /// Train, flight, coach and ship numbers are needed to find fellow travellers.
    public var needsNumber: Bool { self != .other }
}
