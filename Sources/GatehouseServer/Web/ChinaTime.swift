import Foundation
import GatehouseCore

/// Times as pages show them: China Standard Time, fixed digits whatever the server's locale.
enum ChinaTime {
    static func text(_ date: Date, _ format: String) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = .chinaStandard
        f.dateFormat = format
        return f.string(from: date)
    }
}
