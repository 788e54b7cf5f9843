import Foundation

/// Lock-out with back-off after failed sign-ins: after `freeAttempts` failures in a row the key (a username, an
/// address) is locked for one minute, and each further failure doubles the lock, up to 30 minutes. A success ends it;
/// a day without failures forgets it.
public struct LoginBackoff: Sendable, Equatable {
    public private(set) var failures = 0
    public private(set) var lockedUntil: Date?
    public private(set) var lastFailure: Date?
    public let freeAttempts: Int

    public init(freeAttempts: Int) {
        self.freeAttempts = freeAttempts
    }

    /// Seconds still locked at `now` (0 when free).
    public func lockedSeconds(at now: Date) -> Int {
        guard let until = lockedUntil, until > now else { return 0 }
        return Int(until.timeIntervalSince(now).rounded(.up))
    }

    public mutating func fail(at now: Date) {
        if let last = lastFailure, now.timeIntervalSince(last) > 86_400 { failures = 0 }
        failures += 1
        lastFailure = now
        guard failures >= freeAttempts else { return }
        let doublings = min(failures - freeAttempts, 5)
        lockedUntil = now + min(60 * pow(2, Double(doublings)), 1800)
    }

    public mutating func succeed() {
        failures = 0
        lockedUntil = nil
        lastFailure = nil
    }
}
