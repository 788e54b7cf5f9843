import Foundation

extension SiteURL {
    /// `/live/…`: the server-sent event streams a page listens to.
    enum LiveFeed {
        case checkpoint(Parameter<UUID>)
        case community(Parameter<UUID>)
        case me
        case feverCases

        var segments: [PathSegment] {
            switch self {
            case .checkpoint(let id): words("checkpoints") + [.variable("checkpointID", id)]
            case .community(let id): words("communities") + [.variable(SiteURL.communityKey, id)]
            case .me: words("me")
            case .feverCases: words("fever-cases")
            }
        }
    }
}
