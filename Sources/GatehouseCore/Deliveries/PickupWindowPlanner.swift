import Foundation

/// Spreads parcel pickups over time so that households do not crowd the pickup point: each delivery gets the
/// first window, from the next window boundary after it arrives, that has room left.
public struct PickupWindowPlanner: Sendable {
    /// Window length in minutes (divides the day: 15, 20, 30, 60 …).
    public let minutes: Int
    /// Households per window.
    public let capacity: Int

    public init(minutes: Int = 30, capacity: Int = 10) {
        self.minutes = max(5, minutes)
        self.capacity = max(1, capacity)
    }

    /// The window for a parcel logged at `loggedAt`, given how many pickups each window start already holds.
    public func window(loggedAt: Date, booked: [Date: Int]) -> DateInterval {
        let length = TimeInterval(minutes * 60)
        var start = (loggedAt.timeIntervalSince1970 / length).rounded(.up) * length
        while (booked[Date(timeIntervalSince1970: start)] ?? 0) >= capacity { start += length }
        return DateInterval(start: Date(timeIntervalSince1970: start), duration: length)
    }
}
