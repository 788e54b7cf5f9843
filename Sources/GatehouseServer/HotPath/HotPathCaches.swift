import Foundation
import NIOCore

/// The few things the gate's hot path keeps in memory for `lifetime`: bearer tokens with their users, and
/// checkpoints with their community's gate settings. A change made through this instance (any Fluent save or
/// delete of a user, token, checkpoint or community: `HotPathCacheInvalidation`) empties the cache at once;
/// another instance's change takes up to `lifetime` to be seen here. Passes, quarantine and quotas are never cached,
/// and a stand-down is checked again by the passage's own insert.
final class HotPathCaches: Sendable {
    static let lifetime: TimeAmount = .seconds(5)

    let tokens: ShortLivedCache<String, BearerTokenHolder>
    let gates: ShortLivedCache<UUID, GateSettings>

    init(lifetime: TimeAmount = HotPathCaches.lifetime) {
        tokens = ShortLivedCache(lifetime: lifetime)
        gates = ShortLivedCache(lifetime: lifetime, capacity: 100_000)
    }

    func forgetAll() {
        tokens.removeAll()
        gates.removeAll()
    }
}
