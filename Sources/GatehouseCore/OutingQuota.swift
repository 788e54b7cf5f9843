import Foundation

/// A community's outing quota (e.g. one member every two days, 08:00–18:00), per household or per person.
public struct OutingQuota: Sendable, Equatable, Codable {
    public enum Scope: String, Sendable, Codable, CaseIterable {
        case household
        case person
    }

    public let scope: Scope
    /// Exits allowed in each window of `days` days.
    public let exits: Int
    public let days: Int
    /// Hours of the day (China time) when going out is allowed: `fromHour ..< toHour`.
    public let fromHour: Int
    public let toHour: Int

    public init(scope: Scope, exits: Int, days: Int, fromHour: Int = 0, toHour: Int = 24) {
        self.scope = scope
        self.exits = max(1, exits)
        self.days = max(1, days)
        self.fromHour = min(max(0, fromHour), 23)
        self.toHour = min(max(self.fromHour + 1, toHour), 24)
    }

    /// Start of the window that counts exits: `days` days back from `now`.
    public func windowStart(now: Date) -> Date { now - TimeInterval(days * 86_400) }

    /// Whether going out at `now` is allowed, given the exits already made in the window; and how many are left.
    public func check(exitsInWindow used: Int, now: Date) -> (refusal: EntryReason?, remaining: Int) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .chinaStandard
        let hour = calendar.component(.hour, from: now)
        if hour < fromHour || hour >= toHour { return (.outsideHours(from: fromHour, to: toHour), max(0, exits - used)) }
        if used >= exits { return (.quotaUsed(exits: exits, days: days), 0) }
        return (nil, exits - used)
    }
}
