/// Why a household address is refused.
public enum HouseholdAddressError: Error, Sendable, Equatable {
    case empty
    case mixed
    case buildingAndRoomRequired
    case groupAndNumberRequired
    case tooLong

    public var message: LocalizedText {
        switch self {
        case .empty: return LocalizedText(zh: "请填写住址：楼栋和房号，或村组和门牌号", en: "Give the address: building and room, or village group and house number")
        case .mixed: return LocalizedText(zh: "楼栋/单元/房号与村组/门牌号只能填一种", en: "Fill either building/unit/room or village group/house number, not both")
        case .buildingAndRoomRequired: return LocalizedText(zh: "楼栋和房号都要填写", en: "Both the building and the room are needed")
        case .groupAndNumberRequired: return LocalizedText(zh: "村组和门牌号都要填写", en: "Both the village group and the house number are needed")
        case .tooLong: return LocalizedText(zh: "住址各项不超过20个字，且不含逗号和换行", en: "Each address part has at most 20 characters, without commas or line breaks")
        }
    }
}
