import Foundation
import NIOCore

/// The few things the gate's hot path keeps in memory for `lifetime`: bearer tokens with their users, checkpoints
/// with their community's gate settings, and scanned passes with their household (its home quarantine) and holder.
/// A change made through this instance (any Fluent save or delete of a user, token, checkpoint, community, pass,
/// household or resident: `HotPathCacheInvalidation`) empties the caches at once; another instance's change — a
/// revocation, a quarantine order coming into force — takes up to `lifetime` to be seen here. A pass's expiry is
/// checked against the clock at every scan; a holder's masked name and ID card validity may be `lifetime` old.
/// Outing quotas are never cached (they count the passages themselves), and a stand-down is checked again by the
/// passage's own insert.
final class HotPathCaches: Sendable {
    static let lifetime: TimeAmount = .seconds(5)

    let tokens: ShortLivedCache<String, BearerTokenHolder>
    let gates: ShortLivedCache<UUID, GateSettings>
    let passes: ShortLivedCache<UUID, PassRow>

    init(lifetime: TimeAmount = HotPathCaches.lifetime) {
        tokens = ShortLivedCache(lifetime: lifetime)
        gates = ShortLivedCache(lifetime: lifetime, capacity: 100_000)
        passes = ShortLivedCache(lifetime: lifetime, capacity: 100_000)
    }

    func forgetAll() {
        tokens.removeAll()
        gates.removeAll()
        passes.removeAll()
    }
}
