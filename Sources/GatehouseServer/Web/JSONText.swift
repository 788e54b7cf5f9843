import Foundation

/// Writes JSON values into a string by hand, for the few answers where `JSONEncoder` costs more than finding the
/// data: a contact trace (tens of thousands of lines) and the gate's hot path (thousands of passages a second).
enum JSONText {
    /// Appends `text` as a JSON string literal (quotes, backslashes and control characters escaped).
    static func append(_ text: String, to out: inout String) {
        out.append("\"")
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out.append(text)
        } else {
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out.append("\\\"")
                case "\\": out.append("\\\\")
                case "\n": out.append("\\n")
                case "\r": out.append("\\r")
                case "\t": out.append("\\t")
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                default: out.unicodeScalars.append(scalar)
                }
            }
        }
        out.append("\"")
    }

    /// Appends `"key":` and the string, or nothing when the value is nil (as `JSONEncoder` leaves out nil fields).
    static func field(_ key: String, _ value: String?, to out: inout String) {
        guard let value else { return }
        out.append(",\"\(key)\":")
        append(value, to: &out)
    }

    /// `date` as `JSONEncoder`'s `.iso8601` writes it: UTC, whole seconds (the fraction dropped), `Z`.
    static func iso8601(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let (days, second) = seconds.quotientAndRemainder(dividingBy: 86_400)
        guard second >= 0, (0...9999).contains(1970 + days / 365) else {
            let formatter = ISO8601DateFormatter()
            return formatter.string(from: date)
        }
        let (year, month, day) = ChinaTime.civil(fromDays: days)
        var out = [UInt8]()
        out.reserveCapacity(20)
        func digits(_ n: Int, _ count: Int) {
            var divisor = 1
            for _ in 1..<count { divisor *= 10 }
            while divisor > 0 { out.append(UInt8(48 + n / divisor % 10)); divisor /= 10 }
        }
        digits(year, 4); out.append(UInt8(ascii: "-")); digits(month, 2); out.append(UInt8(ascii: "-")); digits(day, 2)
        out.append(UInt8(ascii: "T")); digits(second / 3600, 2); out.append(UInt8(ascii: ":"))
        digits(second / 60 % 60, 2); out.append(UInt8(ascii: ":")); digits(second % 60, 2); out.append(UInt8(ascii: "Z"))
        return String(decoding: out, as: UTF8.self)
    }
}
