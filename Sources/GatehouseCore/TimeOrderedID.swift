import Foundation

/// Record ids that sort by the time they were made: RFC 9562 UUID version 7 — 48 bits of Unix time in
/// milliseconds, then 74 random bits. Rows written together then sit together in an index on their id (one page
/// for a batch of passages instead of one random page each), while an id still cannot be guessed from another.
public enum TimeOrderedID {
    /// A version 7 UUID for `date`, its random bits from `generator`.
    public static func make(at date: Date, using generator: inout some RandomNumberGenerator) -> UUID {
        let milliseconds = UInt64(max(0, (date.timeIntervalSince1970 * 1000).rounded(.down)))
        let random = (generator.next() as UInt64, generator.next() as UInt64)
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in 0..<6 { bytes[i] = UInt8(truncatingIfNeeded: milliseconds >> (8 * (5 - i))) }
        for i in 6..<16 { bytes[i] = UInt8(truncatingIfNeeded: (i < 8 ? random.0 : random.1) >> (8 * (i % 8))) }
        bytes[6] = 0x70 | (bytes[6] & 0x0F)
        bytes[8] = 0x80 | (bytes[8] & 0x3F)
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }

    /// A version 7 UUID for `date`, its random bits from the system's generator.
    public static func make(at date: Date) -> UUID {
        var generator = SystemRandomNumberGenerator()
        return make(at: date, using: &generator)
    }

    /// The millisecond a version 7 id was made at.
    public static func time(of id: UUID) -> Date? {
        let u = id.uuid
        guard u.6 >> 4 == 7 else { return nil }
        let milliseconds = [u.0, u.1, u.2, u.3, u.4, u.5].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}
