/// A place in a community that the epidemic rules may close (Inner Mongolia notice, item 8).
public enum FacilityKind: String, Sendable, Codable, CaseIterable {
    /// 活动室.
    case activityRoom
    /// 棋牌室、娱乐室.
    case recreationRoom
    /// 宾馆、旅店 inside the community.
    case hotel
    /// 装修施工.
    case renovation
    case other

    public var label: LocalizedText {
        switch self {
        case .activityRoom: return LocalizedText(zh: "活动室", en: "Activity room")
        case .recreationRoom: return LocalizedText(zh: "棋牌室、娱乐室", en: "Games and recreation room")
        case .hotel: return LocalizedText(zh: "宾馆旅店", en: "Hotel or guesthouse")
        case .renovation: return LocalizedText(zh: "装修施工", en: "Renovation works")
        case .other: return LocalizedText(zh: "其他场所", en: "Other place")
        }
    }
}
