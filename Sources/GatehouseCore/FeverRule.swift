import Foundation

/// A community's fever rule: a threshold, a rest before the re-measure that decides, and the lowest reading that
/// is believed.
public struct FeverRule: Sendable, Equatable, Codable {
    /// Readings at or above this are abnormal (default 37.3 °C).
    public let threshold: BodyTemperature
    /// How long a person rests before the re-measure (default 5 minutes).
    public let restSeconds: Int
    /// Readings below this are taken again (default 35.0 °C, a community may set 34.0–36.0): outdoors a cold
    /// forehead or a cold thermometer reads low, and the Inner Mongolia notice asks for thermometers kept warm.
    public let lowest: BodyTemperature

    /// The range a community may set `lowest` in, in tenths.
    public static let lowestRange = 340...360

    public static let standard = FeverRule(threshold: try! BodyTemperature(tenths: 373), restSeconds: 300)

    public init(threshold: BodyTemperature, restSeconds: Int, lowest: BodyTemperature = try! BodyTemperature(tenths: 350)) {
        self.threshold = threshold
        self.restSeconds = max(0, restSeconds)
        self.lowest = lowest
    }

    /// Refuses a reading too low to believe (it is never stored); the message says how to measure again.
    public func check(_ reading: BodyTemperature) throws(TemperatureError) {
        if reading < lowest { throw .tooLow(lowest: lowest) }
    }

    /// The quick readings a gate offers: every tenth from 36.0 °C up to just under the threshold.
    public var quickReadings: [BodyTemperature] {
        let top = max(360, threshold.tenths - 1)
        return (360...top).compactMap { try? BodyTemperature(tenths: $0) }
    }

    /// What the readings so far (oldest first) mean at `now`.
    public func assess(_ readings: [TemperatureReading], now: Date) -> FeverAssessment {
        guard let first = readings.first else { return .noReading }
        if first.value < threshold { return .normal }
        guard readings.count >= 2 else {
            return .remeasureRequired(after: first.takenAt + TimeInterval(restSeconds))
        }
        // The last reading, taken after the rest, decides.
        return readings.last!.value < threshold ? .normal : .fever
    }

    /// Whether a re-measure may be taken at `now`, or how many seconds of rest are left.
    public func restRemaining(after first: TemperatureReading, now: Date) -> Int {
        max(0, Int((first.takenAt + TimeInterval(restSeconds)).timeIntervalSince(now).rounded(.up)))
    }
}
