import Foundation
import GatehouseCore
import Vapor

/// Failed sign-ins per username (5 free) and per address (20 free), each with `LoginBackoff`. In memory, per
/// instance: with several instances each locks on its own, which still bounds guessing.
actor LoginThrottle {
    private var byUser: [String: LoginBackoff] = [:]
    private var byAddress: [String: LoginBackoff] = [:]

    /// Seconds the attempt must wait (0: go ahead).
    func wait(username: String, address: String, now: Date) -> Int {
        max(byUser[username]?.lockedSeconds(at: now) ?? 0, byAddress[address]?.lockedSeconds(at: now) ?? 0)
    }

    func failed(username: String, address: String, now: Date) {
        byUser[username, default: LoginBackoff(freeAttempts: 5)].fail(at: now)
        byAddress[address, default: LoginBackoff(freeAttempts: 20)].fail(at: now)
        if byUser.count > 100_000 { byUser = byUser.filter { $0.value.lockedSeconds(at: now) > 0 } }
        if byAddress.count > 100_000 { byAddress = byAddress.filter { $0.value.lockedSeconds(at: now) > 0 } }
    }

    func succeeded(username: String, address: String) {
        byUser[username] = nil
        byAddress[address]?.succeed()
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
