import Foundation
import GatehouseCore
import Vapor

/// Failed sign-ins, counted so that an attacker cannot turn the lock against the account's owner:
/// - per username *and* address: 5 free, then `LoginBackoff` (1 minute, doubling to 30): guessing from one place
///   locks that place out of that account, not the owner at their own phone;
/// - per address: 20 free, then `LoginBackoff`: one place trying many usernames; a success does not clear it (an
///   attacker could otherwise sign in to an account of their own between guesses);
/// - per username alone only at `spreadFailures` failures within an hour (guessing spread over many addresses),
///   and then for at most `spreadLockCeiling` after the latest one.
/// A success clears its username's counts; an admin can lift a username's locks (`lift`). In memory, per instance
/// (the city-scale issue counts them in the database).
actor LoginThrottle {
    static let spreadFailures = 100
    static let spreadLockCeiling: TimeInterval = 15 * 60

    private var byPair: [String: [String: LoginBackoff]] = [:]
    private var byAddress: [String: LoginBackoff] = [:]
    private var byUser: [String: [Date]] = [:]

    /// Seconds the attempt must wait (0: go ahead).
    func wait(username: String, address: String, now: Date) -> Int {
        max(byPair[username]?[address]?.lockedSeconds(at: now) ?? 0, byAddress[address]?.lockedSeconds(at: now) ?? 0,
            spreadLock(username, now: now))
    }

    /// Whether `username` is locked at any address (for the admin's list).
    func isLocked(username: String, now: Date) -> Bool {
        spreadLock(username, now: now) > 0 || byPair[username]?.values.contains { $0.lockedSeconds(at: now) > 0 } == true
    }

    func failed(username: String, address: String, now: Date) {
        byPair[username, default: [:]][address, default: LoginBackoff(freeAttempts: 5)].fail(at: now)
        byAddress[address, default: LoginBackoff(freeAttempts: 20)].fail(at: now)
        var recent = (byUser[username] ?? []).filter { now.timeIntervalSince($0) < 3600 }
        recent.append(now)
        byUser[username] = Array(recent.suffix(Self.spreadFailures))
        if byPair.count > 100_000 { byPair = byPair.filter { $0.value.values.contains { $0.lockedSeconds(at: now) > 0 } } }
        if byAddress.count > 100_000 { byAddress = byAddress.filter { $0.value.lockedSeconds(at: now) > 0 } }
        if byUser.count > 100_000 { byUser = byUser.filter { $0.value.count >= Self.spreadFailures } }
    }

    func succeeded(username: String) {
        lift(username: username)
    }

    /// Ends every lock of `username` (its own counts; an address locked for trying many names stays locked).
    func lift(username: String) {
        byPair[username] = nil
        byUser[username] = nil
    }

    private func spreadLock(_ username: String, now: Date) -> Int {
        guard let times = byUser[username], times.count >= Self.spreadFailures, let oldest = times.first, let last = times.last
        else { return 0 }
        let until = min(oldest + 3600, last + Self.spreadLockCeiling)
        return until > now ? Int(until.timeIntervalSince(now).rounded(.up)) : 0
    }
}

extension Application {
    private struct LoginThrottleKey: StorageKey { typealias Value = LoginThrottle }

    /// The server's sign-in throttle (one per application).
    var loginThrottle: LoginThrottle {
        get { storage[LoginThrottleKey.self] ?? { let t = LoginThrottle(); storage[LoginThrottleKey.self] = t; return t }() }
        set { storage[LoginThrottleKey.self] = newValue }
    }
}
