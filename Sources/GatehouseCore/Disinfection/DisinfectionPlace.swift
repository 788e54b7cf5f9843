/// What is disinfected on a schedule (Inner Mongolia notice: checkpoints disinfected regularly, the observation room
/// after each use).
public enum DisinfectionPlace: String, Sendable, Codable, CaseIterable {
    /// 卡点台面、栏杆、门把手.
    case gateSurfaces
    /// 地面.
    case floor
    /// 高频接触物品：体温计、笔、登记本.
    case highTouch
    /// 临时留观室.
    case observationRoom
    case other

    public var label: LocalizedText {
        switch self {
        case .gateSurfaces: return LocalizedText(zh: "卡点台面、栏杆、门把手", en: "Gate surfaces, rails, handles")
        case .floor: return LocalizedText(zh: "地面", en: "Floor")
        case .highTouch: return LocalizedText(zh: "体温计、笔等高频接触物品", en: "Thermometers, pens and other high-touch items")
        case .observationRoom: return LocalizedText(zh: "临时留观室", en: "Observation room")
        case .other: return LocalizedText(zh: "其他", en: "Other")
        }
    }
}
