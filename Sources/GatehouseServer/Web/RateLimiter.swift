import Foundation
import Vapor

/// Counts attempts per key in fixed windows (per IP, per phone …) and says when a key has had enough. Kept in
/// memory: each server instance limits on its own, which bounds abuse per instance.
actor RateLimiter {
    private struct Window {
        var start: Date
        var count: Int
    }

    private var windows: [String: Window] = [:]
    private var lastSweep = Date.distantPast

    /// Counts one attempt; false when `key` has already had `limit` attempts in the current `window`.
    func allow(_ key: String, limit: Int, window: TimeInterval, now: Date) -> Bool {
        sweep(now: now, window: window)
        var w = windows[key] ?? Window(start: now, count: 0)
        if now.timeIntervalSince(w.start) >= window { w = Window(start: now, count: 0) }
        guard w.count < limit else { return false }
        w.count += 1
        windows[key] = w
        return true
    }

    private func sweep(now: Date, window: TimeInterval) {
        guard now.timeIntervalSince(lastSweep) > 600 else { return }
        lastSweep = now
        windows = windows.filter { now.timeIntervalSince($0.value.start) < max(window, 3600) }
    }
}

extension Application {
    private struct RateLimiterKey: StorageKey { typealias Value = RateLimiter }

    /// The server's rate limiter (one per application).
    var rateLimiter: RateLimiter {
        get { storage[RateLimiterKey.self] ?? { let limiter = RateLimiter(); storage[RateLimiterKey.self] = limiter; return limiter }() }
        set { storage[RateLimiterKey.self] = newValue }
    }
}
