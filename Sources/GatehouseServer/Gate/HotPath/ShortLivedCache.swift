import NIOConcurrencyHelpers
import NIOCore

/// A small in-process cache whose entries live `lifetime` (monotonic time, not the wall clock): the hot path's
/// bearer tokens and gate settings, the pass tokens whose signature held. What it holds may be up to `lifetime` old
/// — each use states that delay.
/// A lifetime of zero turns it off. Bounded: when full, it starts afresh rather than grow.
///
/// Refreshed ahead: late in an entry's life (from a moment between 70 % and 90 % of it, drawn at each store) one
/// caller is told it is missing — it reads the value again and stores it — while every other caller still gets the
/// entry until it ends. Without this, everyone using a key missed together when it ended (32 requests reading the
/// same bearer token and checkpoint at once, every five seconds), and keys stored together all ended together.
final class ShortLivedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Entry {
        let value: Value
        let until: NIODeadline
        /// From when the next caller refreshes the entry (once).
        let refreshFrom: NIODeadline
        var refreshing = false
    }

    let lifetime: TimeAmount
    private let capacity: Int
    private let entries = NIOLockedValueBox<[Key: Entry]>([:])
    private let now: @Sendable () -> NIODeadline

    init(lifetime: TimeAmount, capacity: Int = 10_000, now: @escaping @Sendable () -> NIODeadline = { .now() }) {
        self.lifetime = lifetime
        self.capacity = capacity
        self.now = now
    }

    /// The value cached for `key`, if it is still fresh — except for the one caller chosen to refresh it, who reads
    /// it again and `store`s it.
    func value(for key: Key) -> Value? {
        guard lifetime > .zero else { return nil }
        let at = now()
        return entries.withLockedValue { entries in
            guard let entry = entries[key] else { return nil }
            if entry.until <= at { entries[key] = nil; return nil }
            if entry.refreshFrom <= at, !entry.refreshing {
                entries[key]!.refreshing = true
                return nil
            }
            return entry.value
        }
    }

    func store(_ value: Value, for key: Key) {
        guard lifetime > .zero else { return }
        let at = now()
        let refreshFrom = at + .nanoseconds(Int64(Double(lifetime.nanoseconds) * Double.random(in: 0.7..<0.9)))
        entries.withLockedValue { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = Entry(value: value, until: at + lifetime, refreshFrom: refreshFrom)
        }
    }

    /// Entries held now, fresh or not yet swept.
    var count: Int { entries.withLockedValue { $0.count } }

    /// Forgets `key` now (a change this instance made itself).
    func remove(_ key: Key) { entries.withLockedValue { $0[key] = nil } }

    /// Forgets everything now.
    func removeAll() { entries.withLockedValue { $0.removeAll() } }
}
