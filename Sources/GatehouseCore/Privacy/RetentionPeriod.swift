import Foundation

/// How long a community keeps personal data (the seed app's "信息保存28天"): whole days, 7 to 365, 28 by default.
/// Personal data recorded before `cutoff(today:)` is purged; whole days go at once, so that a day's figures are
/// counted exactly once when its passages are purged.
public struct RetentionPeriod: Sendable, Hashable, Codable {
    /// The default: 28 days, the guidance's monitoring window twice over.
    public static let standard = RetentionPeriod(uncheckedDays: 28)
    /// The shortest and longest periods an office may choose.
    public static let allowedDays = 7...365

    /// Days personal data is kept after the day it was recorded.
    public let days: Int

    private init(uncheckedDays: Int) { self.days = uncheckedDays }

    /// A period of `days`, or nil outside `allowedDays`.
    public init?(days: Int) {
        guard Self.allowedDays.contains(days) else { return nil }
        self.days = days
    }

    /// Reads the number an office typed ("28", " 30 "); nil when it is not a whole number in `allowedDays`.
    public init?(parsing text: String) {
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else { return nil }
        self.init(days: value)
    }

    /// The first day whose data is kept on `today`: data of earlier days is due for purging.
    public func firstKeptDay(today: CalendarDate) -> CalendarDate {
        today.adding(days: -days)
    }

    /// The instant before which personal data is purged: the start (China time) of `firstKeptDay(today:)`.
    public func cutoff(today: CalendarDate, in timeZone: TimeZone = .chinaStandard) -> Date {
        firstKeptDay(today: today).start(in: timeZone)
    }
}
