import Foundation
import GatehouseCore

/// Times as people at the gate read them: China Standard Time (UTC+8).
enum ChinaTime {
    /// `date` in China time, in `format` (the `DateFormatter` letters yyyy, MM, dd, HH, mm and ss; other characters
    /// are copied). Lists and exports call this for every row, so it is plain arithmetic: China has kept UTC+8 without
    /// daylight saving since 1992; earlier instants go through `DateFormatter`.
    static func text(_ date: Date, _ format: String) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + 8 * 3600
        guard seconds >= sinceNoDaylightSaving else { return formatted(date, format) }
        let (days, second) = seconds.quotientAndRemainder(dividingBy: 86_400)
        let (year, month, day) = civil(fromDays: days)
        var out = [UInt8]()
        out.reserveCapacity(format.utf8.count)
        func two(_ n: Int) { out.append(UInt8(48 + n / 10)); out.append(UInt8(48 + n % 10)) }
        let f = Array(format.utf8)
        var i = 0
        while i < f.count {
            let rest = f.count - i
            switch f[i] {
            case UInt8(ascii: "y") where rest >= 4 && f[i + 1] == f[i] && f[i + 2] == f[i] && f[i + 3] == f[i]:
                two(year / 100); two(year % 100); i += 4
            case UInt8(ascii: "M") where rest >= 2 && f[i + 1] == f[i]: two(month); i += 2
            case UInt8(ascii: "d") where rest >= 2 && f[i + 1] == f[i]: two(day); i += 2
            case UInt8(ascii: "H") where rest >= 2 && f[i + 1] == f[i]: two(second / 3600); i += 2
            case UInt8(ascii: "m") where rest >= 2 && f[i + 1] == f[i]: two(second / 60 % 60); i += 2
            case UInt8(ascii: "s") where rest >= 2 && f[i + 1] == f[i]: two(second % 60); i += 2
            default: out.append(f[i]); i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A time on a screen, as a community worker reads it: `12-03 14:45`, with the year only when it is not this
    /// year's (`2025-12-03 14:45`); `seconds` adds them (a case's steps).
    static func onScreen(_ date: Date, now: Date, seconds: Bool = false) -> String {
        let sameYear = text(date, "yyyy") == text(now, "yyyy")
        return text(date, (sameYear ? "" : "yyyy-") + (seconds ? "MM-dd HH:mm:ss" : "MM-dd HH:mm"))
    }

    /// 1992-01-01 00:00 China time, as seconds since 1970 shifted by eight hours.
    private static let sinceNoDaylightSaving = 694_224_000

    /// Year, month and day of a count of days since 1970-01-01 (proleptic Gregorian; H. Hinnant's algorithm).
    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The same through `DateFormatter` (instants before 1992, and the tests' reference).
    static func formatted(_ date: Date, _ format: String) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = .chinaStandard
        f.dateFormat = format
        return f.string(from: date)
    }
}
