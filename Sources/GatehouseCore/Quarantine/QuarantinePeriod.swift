/// The days of a home medical observation order (居家医学观察): from the first day to the last, both included
/// (China dates). Release is due the day after the last day unless the order is extended.
public struct QuarantinePeriod: Sendable, Equatable {
    public let start: CalendarDate
    public let end: CalendarDate

    /// The longest single order or extension, in days.
    public static let maximumDays = 60

    /// A new order: it may start up to 14 days back (ordered late) or 30 days ahead, and lasts 1 to 60 days.
    public init(start: CalendarDate, end: CalendarDate, today: CalendarDate) throws(QuarantinePeriodError) {
        guard start >= today.adding(days: -14), start <= today.adding(days: 30) else { throw .startOutOfRange }
        guard end >= start else { throw .endBeforeStart }
        guard start.days(until: end) < Self.maximumDays else { throw .tooLong }
        guard end >= today else { throw .alreadyOver }
        self.start = start
        self.end = end
    }

    /// An order as recorded (already checked when it was made and each time it was extended).
    public init(recorded start: CalendarDate, end: CalendarDate) {
        self.start = start
        self.end = end
    }

    /// The same order with a later last day (an extension adds 1 to 60 days).
    public func extended(to newEnd: CalendarDate) throws(QuarantinePeriodError) -> QuarantinePeriod {
        guard newEnd > end else { throw .extensionNotLater }
        guard end.days(until: newEnd) <= Self.maximumDays else { throw .tooLong }
        return QuarantinePeriod(recorded: start, end: newEnd)
    }

    /// Members may not go out on this day.
    public func isInForce(on day: CalendarDate) -> Bool { start <= day && day <= end }

    /// The last day is past: the order ends (automatic release).
    public func isOver(on day: CalendarDate) -> Bool { day > end }

    /// Days left including `day` (0 once over).
    public func daysLeft(on day: CalendarDate) -> Int { day > end ? 0 : max(day, start).days(until: end) + 1 }
}
