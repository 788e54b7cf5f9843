/// Where a quarantined member's twice-daily health reports stand: every round from the one in which the order
/// took effect to the afternoon of its last day is expected.
public struct QuarantineRounds: Sendable, Equatable {
    /// Rounds already past with no report, oldest first.
    public let missed: [HealthRound]
    /// The current round is expected and has no report yet.
    public let dueNow: Bool

    /// - Parameters:
    ///   - first: the first round expected (the order's first morning, or the round it was recorded in if later).
    ///   - lastDay: the order's last day.
    public init(first: HealthRound, lastDay: CalendarDate, reported: Set<HealthRound>, now: HealthRound) {
        let last = HealthRound(day: lastDay, half: .afternoon)
        var missed: [HealthRound] = []
        var round = first
        while round < now, round <= last {
            if !reported.contains(round) { missed.append(round) }
            round = round.next
        }
        self.missed = missed
        dueNow = first <= now && now <= last && !reported.contains(now)
    }
}
