import Foundation

/// Where live events go: one checkpoint's screens, or everyone watching a community.
enum LiveChannel: Hashable, Sendable {
    case checkpoint(UUID)
    case community(UUID)

    var key: String {
        switch self {
        case .checkpoint(let id): return "checkpoint:" + id.uuidString
        case .community(let id): return "community:" + id.uuidString
        }
    }
}
