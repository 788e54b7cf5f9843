import Foundation

/// When a place is next due for disinfection: a new schedule is due at once, then every interval after the last
/// time it was done — and an observation room at once after each use not yet followed by a disinfection.
public struct DisinfectionDue: Sendable, Equatable {
    public let due: Date
    public let isOverdue: Bool
    /// Minutes past due (0 when not overdue).
    public let minutesLate: Int

    public init(intervalMinutes: Int, createdAt: Date, lastDone: Date?, lastUsed: Date? = nil, now: Date) {
        let regular = lastDone.map { $0 + TimeInterval(intervalMinutes * 60) } ?? createdAt
        if let lastUsed, lastDone.map({ lastUsed > $0 }) ?? true {
            due = min(regular, lastUsed)
        } else {
            due = regular
        }
        isOverdue = now >= due
        minutesLate = isOverdue ? Int(now.timeIntervalSince(due) / 60) : 0
    }
}
