import Foundation

/// The source of "now" for every rule that depends on time. Inject it; never call `Date()` in domain code.
public protocol WallClock: Sendable {
    /// The current instant.
    func now() -> Date
}

/// The real clock of the machine.
public struct SystemWallClock: WallClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that stays where it is set, for tests and replays.
public final class FixedWallClock: WallClock, @unchecked Sendable {
    private let lock = NSLock()
    private var instant: Date

    public init(_ instant: Date) { self.instant = instant }

    public func now() -> Date { lock.withLock { instant } }

    /// Moves the clock by `seconds`.
    public func advance(by seconds: TimeInterval) { lock.withLock { instant += seconds } }

    /// Sets the clock to `instant`.
    public func set(_ instant: Date) { lock.withLock { self.instant = instant } }
}
