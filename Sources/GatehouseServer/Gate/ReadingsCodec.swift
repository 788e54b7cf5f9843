import Foundation
import GatehouseCore

/// Stores a passage's readings in one column: `366@1795305600;373@1795305900`.
enum ReadingsCodec {
    static func encode(_ readings: [TemperatureReading]) -> String {
        readings.map { "\($0.value.tenths)@\(Int($0.takenAt.timeIntervalSince1970))" }.joined(separator: ";")
    }

    static func decode(_ text: String) -> [TemperatureReading] {
        text.split(separator: ";").compactMap { part in
            let pieces = part.split(separator: "@")
            guard pieces.count == 2, let tenths = Int(pieces[0]), let epoch = Double(pieces[1]),
                  let value = try? BodyTemperature(tenths: tenths) else { return nil }
            return TemperatureReading(value: value, takenAt: Date(timeIntervalSince1970: epoch))
        }
    }
}
