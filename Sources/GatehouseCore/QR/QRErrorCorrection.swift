/// The four error correction levels of ISO/IEC 18004: how much of a symbol may be damaged and still read.
public enum QRErrorCorrection: Int, Sendable, CaseIterable {
    /// About 7 %.
    case low = 0
    /// About 15 % (the default for passes).
    case medium = 1
    /// About 25 %.
    case quartile = 2
    /// About 30 %.
    case high = 3

    /// The two format bits of the level (L=01, M=00, Q=11, H=10).
    var formatBits: Int {
        switch self {
        case .low: return 1
        case .medium: return 0
        case .quartile: return 3
        case .high: return 2
        }
    }
}
