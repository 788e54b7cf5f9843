/// What an account may do, and at which level of the organisation it is scoped.
public enum Role: String, Sendable, Codable, CaseIterable {
    /// Runs a district: creates subdistricts, communities and their admins.
    case districtAdmin
    /// Runs one community: checkpoints, enrolment codes, operators, residents.
    case communityAdmin
    /// Gate staff (guard, volunteer, community worker), bound to one checkpoint of one community.
    case `operator`
    /// Health department staff, scoped to a subdistrict or a district.
    case health
    /// Police supervision: read-only.
    case police
    /// A resident of a community.
    case resident
    /// A landlord renting homes in a community.
    case landlord
    /// A rental agency (房屋中介) reporting its tenants to a community.
    case agency
    /// The property company (物业公司) of a community: told of fever cases, takes the observation room and its
    /// disinfection.
    case property

    /// Display name.
    public var label: LocalizedText {
        switch self {
        case .districtAdmin: return LocalizedText(zh: "区级管理员", en: "District admin")
        case .communityAdmin: return LocalizedText(zh: "社区管理员", en: "Community admin")
        case .operator: return LocalizedText(zh: "卡点值守人员", en: "Gate operator")
        case .health: return LocalizedText(zh: "卫生健康部门", en: "Health department")
        case .police: return LocalizedText(zh: "公安督导", en: "Police supervision")
        case .resident: return LocalizedText(zh: "居民", en: "Resident")
        case .landlord: return LocalizedText(zh: "房东", en: "Landlord")
        case .agency: return LocalizedText(zh: "房屋中介", en: "Rental agency")
        case .property: return LocalizedText(zh: "物业公司", en: "Property company")
        }
    }

    /// Whether the role may change anything at all (police may only read).
    public var canWrite: Bool { self != .police }

    /// Whether the role manages communities' set-up.
    public var isAdmin: Bool { self == .districtAdmin || self == .communityAdmin }
}
