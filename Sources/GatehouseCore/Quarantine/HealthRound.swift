import Foundation

/// One of the two daily health reports of a household member under home quarantine: morning (before noon, China
/// time) and afternoon.
public struct HealthRound: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Half: Int, Sendable, Hashable, CaseIterable {
        case morning = 0
        case afternoon = 1

        public var label: LocalizedText {
            self == .morning ? LocalizedText(zh: "上午", en: "Morning") : LocalizedText(zh: "下午", en: "Afternoon")
        }
    }

    public let day: CalendarDate
    public let half: Half

    public init(day: CalendarDate, half: Half) {
        self.day = day
        self.half = half
    }

    /// The round an instant falls in.
    public init(_ instant: Date) {
        day = CalendarDate(instant)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .chinaStandard
        half = calendar.component(.hour, from: instant) < 12 ? .morning : .afternoon
    }

    /// `2026-11-22-am` / `2026-11-22-pm`, as stored.
    public var description: String { day.description + (half == .morning ? "-am" : "-pm") }

    public init?(parsing text: String) {
        guard text.count == 13, let day = CalendarDate(parsing: String(text.prefix(10))) else { return nil }
        switch text.suffix(3) {
        case "-am": self.init(day: day, half: .morning)
        case "-pm": self.init(day: day, half: .afternoon)
        default: return nil
        }
    }

    public var next: HealthRound {
        half == .morning ? HealthRound(day: day, half: .afternoon) : HealthRound(day: day.adding(days: 1), half: .morning)
    }

    public static func < (a: HealthRound, b: HealthRound) -> Bool { (a.day, a.half.rawValue) < (b.day, b.half.rawValue) }
}
