import NIOConcurrencyHelpers
import NIOCore

/// A small in-process cache whose entries live `lifetime` (monotonic time, not the wall clock): the hot path's
/// bearer tokens and gate settings, the pass tokens whose signature held. What it holds may be up to `lifetime` old
/// — each use states that delay.
/// A lifetime of zero turns it off. Bounded: when full, it starts afresh rather than grow.
final class ShortLivedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Entry { let value: Value; let until: NIODeadline }

    let lifetime: TimeAmount
    private let capacity: Int
    private let entries = NIOLockedValueBox<[Key: Entry]>([:])
    private let now: @Sendable () -> NIODeadline

    init(lifetime: TimeAmount, capacity: Int = 10_000, now: @escaping @Sendable () -> NIODeadline = { .now() }) {
        self.lifetime = lifetime
        self.capacity = capacity
        self.now = now
    }

    /// The value cached for `key`, if it is still fresh.
    func value(for key: Key) -> Value? {
        guard lifetime > .zero else { return nil }
        let at = now()
        return entries.withLockedValue { entries in
            guard let entry = entries[key] else { return nil }
            if entry.until <= at { entries[key] = nil; return nil }
            return entry.value
        }
    }

    func store(_ value: Value, for key: Key) {
        guard lifetime > .zero else { return }
        let until = now() + lifetime
        entries.withLockedValue { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = Entry(value: value, until: until)
        }
    }

    /// Entries held now, fresh or not yet swept.
    var count: Int { entries.withLockedValue { $0.count } }

    /// Forgets `key` now (a change this instance made itself).
    func remove(_ key: Key) { entries.withLockedValue { $0[key] = nil } }

    /// Forgets everything now.
    func removeAll() { entries.withLockedValue { $0.removeAll() } }
}
