import Foundation

/// Where live events go: one checkpoint's screens, everyone watching a community (or a subdistrict or district), or a
/// household's members.
enum LiveChannel: Hashable, Sendable {
    case checkpoint(UUID)
    case community(UUID)
    /// A household's resident pages (visitors waiting for a host, parcels at the pickup point).
    case household(UUID)
    /// Everyone watching fever cases over a subdistrict or a district (health staff, district command).
    case subdistrict(UUID)
    case district(UUID)

    var key: String {
        switch self {
        case .checkpoint(let id): return "checkpoint:" + id.uuidString
        case .community(let id): return "community:" + id.uuidString
        case .household(let id): return "household:" + id.uuidString
        case .subdistrict(let id): return "subdistrict:" + id.uuidString
        case .district(let id): return "district:" + id.uuidString
        }
    }
}
