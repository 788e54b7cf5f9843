/// Where a returnee's health monitoring stands: a check-in is expected every day after the arrival report until the
/// last monitored day.
public struct ReturneeMonitoring: Sendable, Equatable {
    /// Days already past with no check-in.
    public let missed: [CalendarDate]
    /// Today is a monitored day and has no check-in yet.
    public let dueToday: Bool
    /// The period is over (today is after the last day).
    public let isOver: Bool

    public init(arrival: CalendarDate, until: CalendarDate, checkedIn: Set<CalendarDate>, today: CalendarDate) {
        var missed: [CalendarDate] = []
        var day = arrival.adding(days: 1)
        while day < today, day <= until {
            if !checkedIn.contains(day) { missed.append(day) }
            day = day.adding(days: 1)
        }
        self.missed = missed
        dueToday = today > arrival && today <= until && !checkedIn.contains(today)
        isOver = today > until
    }
}
