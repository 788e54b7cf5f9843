import Foundation

/// One measurement taken by staff at the gate, with when it was taken.
public struct TemperatureReading: Sendable, Hashable, Codable {
    public let value: BodyTemperature
    public let takenAt: Date

    public init(value: BodyTemperature, takenAt: Date) {
        self.value = value
        self.takenAt = takenAt
    }
}
