/// ECDSA signatures on P-256 in low-s form. For every valid signature (r, s) the pair (r, n − s) is valid too, so
/// without a rule one pass would have two token texts; only s ≤ n/2 is signed and accepted.
enum ECDSALowS {
    /// The order n of P-256's group, big-endian.
    static let order: [UInt8] = [
        0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xBC, 0xE6, 0xFA, 0xAD, 0xA7, 0x17, 0x9E, 0x84, 0xF3, 0xB9, 0xCA, 0xC2, 0xFC, 0x63, 0x25, 0x51,
    ]
    /// ⌊n/2⌋, big-endian.
    static let half: [UInt8] = [
        0x7F, 0xFF, 0xFF, 0xFF, 0x80, 0x00, 0x00, 0x00, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xDE, 0x73, 0x7D, 0x56, 0xD3, 0x8B, 0xCF, 0x42, 0x79, 0xDC, 0xE5, 0x61, 0x7E, 0x31, 0x92, 0xA8,
    ]

    /// Whether the raw signature `r ‖ s` (64 bytes) has s ≤ n/2.
    static func isLow(_ raw: [UInt8]) -> Bool {
        guard raw.count == 64 else { return false }
        let s = Array(raw[32...])
        return s == half || s.lexicographicallyPrecedes(half)
    }

    /// `r ‖ s` with s replaced by n − s when it is high.
    static func normalized(_ raw: [UInt8]) -> [UInt8] {
        guard raw.count == 64, !isLow(raw) else { return raw }
        let s = Array(raw[32...])
        var out = [UInt8](repeating: 0, count: 32)
        var borrow = 0
        for i in stride(from: 31, through: 0, by: -1) {
            var d = Int(order[i]) - Int(s[i]) - borrow
            borrow = d < 0 ? 1 : 0
            if d < 0 { d += 256 }
            out[i] = UInt8(d)
        }
        return Array(raw[..<32]) + out
    }
}
