import Foundation

/// When a place is next due for disinfection: a new schedule is due at once, then every interval after the last
/// time it was done.
public struct DisinfectionDue: Sendable, Equatable {
    public let due: Date
    public let isOverdue: Bool
    /// Minutes past due (0 when not overdue).
    public let minutesLate: Int

    public init(intervalMinutes: Int, createdAt: Date, lastDone: Date?, now: Date) {
        due = lastDone.map { $0 + TimeInterval(intervalMinutes * 60) } ?? createdAt
        isOverdue = now >= due
        minutesLate = isOverdue ? Int(now.timeIntervalSince(due) / 60) : 0
    }
}
