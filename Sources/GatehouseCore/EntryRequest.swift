import Foundation

/// Everything the entry policy looks at for one person at one gate at one moment.
public struct EntryRequest: Sendable {
    /// Who the person is to the community.
    public enum Standing: Sendable, Equatable {
        /// Registered with the community (登记备案): a resident, or registered at this gate just now.
        case registered
        /// Not registered and holding no pass.
        case unregistered
    }

    public var direction: Direction
    public var standing: Standing
    public var readings: [TemperatureReading]
    public var wearsMask: Bool
    /// Last day of the ID card's validity, when read or known.
    public var idCardValidUntil: CalendarDate?
    public var now: Date

    public init(direction: Direction, standing: Standing, readings: [TemperatureReading], wearsMask: Bool,
                idCardValidUntil: CalendarDate? = nil, now: Date) {
        self.direction = direction
        self.standing = standing
        self.readings = readings
        self.wearsMask = wearsMask
        self.idCardValidUntil = idCardValidUntil
        self.now = now
    }
}
