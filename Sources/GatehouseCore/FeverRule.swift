import Foundation

/// A community's fever rule: a threshold, and a rest before the re-measure that decides.
public struct FeverRule: Sendable, Equatable, Codable {
    /// Readings at or above this are abnormal (default 37.3 °C).
    public let threshold: BodyTemperature
    /// How long a person rests before the re-measure (default 5 minutes).
    public let restSeconds: Int

    public static let standard = FeverRule(threshold: try! BodyTemperature(tenths: 373), restSeconds: 300)

    public init(threshold: BodyTemperature, restSeconds: Int) {
        self.threshold = threshold
        self.restSeconds = max(0, restSeconds)
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
