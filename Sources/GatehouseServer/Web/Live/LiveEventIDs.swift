import Foundation

/// Event ids that keep increasing when the process restarts: the publishing time in milliseconds times 1,024, or one
/// more than the last id when several events share a millisecond (or the clock stepped back).
struct LiveEventIDs: Sendable {
    private var last: Int64 = 0

    mutating func next(at date: Date) -> Int64 {
        let fromTime = Int64(date.timeIntervalSince1970 * 1000) * 1024
        last = max(fromTime, last + 1)
        return last
    }
}
