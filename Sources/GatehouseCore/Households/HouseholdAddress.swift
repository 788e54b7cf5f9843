/// Where a household lives: building / unit / room in a housing estate, or village group / house number.
public struct HouseholdAddress: Sendable, Hashable, Codable {
    public let building: String?
    public let unit: String?
    public let room: String?
    public let villageGroup: String?
    public let houseNumber: String?

    /// Validates the parts: either a building and a room (unit optional), or a village group and a house number.
    public init(building: String? = nil, unit: String? = nil, room: String? = nil,
                villageGroup: String? = nil, houseNumber: String? = nil) throws(HouseholdAddressError) {
        func clean(_ s: String?) -> String? {
            guard let t = s?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
            return t
        }
        let parts = [clean(building), clean(unit), clean(room), clean(villageGroup), clean(houseNumber)]
        for part in parts.compactMap({ $0 }) where part.count > 20 || part.contains(where: { $0.isNewline || $0 == "," }) {
            throw .tooLong
        }
        let estate = parts[0] != nil || parts[1] != nil || parts[2] != nil
        let village = parts[3] != nil || parts[4] != nil
        if estate && village { throw .mixed }
        if estate {
            guard parts[0] != nil, parts[2] != nil else { throw .buildingAndRoomRequired }
        } else if village {
            guard parts[3] != nil, parts[4] != nil else { throw .groupAndNumberRequired }
        } else {
            throw .empty
        }
        (self.building, self.unit, self.room, self.villageGroup, self.houseNumber) = (parts[0], parts[1], parts[2], parts[3], parts[4])
    }

    /// The label shown everywhere and unique in a community: `3栋2单元301室` or `二组15号`.
    public var label: String {
        if let building, let room {
            return Self.suffixed(building, "栋", also: ["楼", "号楼", "幢", "座"]) + (unit.map { Self.suffixed($0, "单元") } ?? "")
                + Self.suffixed(room, "室", also: ["号", "户"])
        }
        return Self.suffixed(villageGroup ?? "", "组", also: ["队", "社"]) + Self.suffixed(houseNumber ?? "", "号")
    }

    private static func suffixed(_ text: String, _ suffix: String, also: [String] = []) -> String {
        ([suffix] + also).contains(where: { text.hasSuffix($0) }) ? text : text + suffix
    }
}
