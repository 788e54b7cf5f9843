/// A QR code symbol (ISO/IEC 18004, model 2) encoding bytes in byte mode, written from the standard:
/// smallest version 1–40 that fits at the chosen level, mask chosen by the standard's penalty rules.
public struct QRCode: Sendable, Equatable {
    public enum EncodeError: Error, Sendable, Equatable {
        /// Longer than version 40 holds at this level.
        case tooLong(bytes: Int)
    }

    /// 1 to 40.
    public let version: Int
    public let errorCorrection: QRErrorCorrection
    /// 0 to 7.
    public let mask: Int
    /// Modules per side: 4 × version + 17.
    public let size: Int
    /// Row-major, `true` = dark.
    public let modules: [Bool]

    /// Whether the module at column `x`, row `y` is dark.
    public func isDark(x: Int, y: Int) -> Bool { modules[y * size + x] }

    /// Encodes UTF-8 text.
    public init(text: String, errorCorrection: QRErrorCorrection = .medium) throws(EncodeError) {
        try self.init(bytes: Array(text.utf8), errorCorrection: errorCorrection)
    }

    /// Encodes bytes; `minimumVersion` forces a larger symbol (for tests across versions).
    public init(bytes: [UInt8], errorCorrection level: QRErrorCorrection = .medium, minimumVersion: Int = 1) throws(EncodeError) {
        // Bytes beyond ASCII are UTF-8: say so with ECI 26, or decoders guess another charset.
        let utf8 = bytes.contains { $0 >= 0x80 }
        var chosen: Int?
        for v in max(1, minimumVersion)...40 {
            let countBits = v <= 9 ? 8 : 16
            if (utf8 ? 12 : 0) + 4 + countBits + bytes.count * 8 <= QRTables.dataCodewords(v, level) * 8, bytes.count < (1 << countBits) {
                chosen = v
                break
            }
        }
        guard let version = chosen else { throw .tooLong(bytes: bytes.count) }
        let codewords = QRCode.interleave(QRCode.dataCodewords(bytes, version: version, level: level, utf8: utf8), version: version, level: level)
        var matrix = QRMatrix(version: version)
        matrix.drawFunctionPatterns()
        matrix.placeCodewords(codewords)
        var best: (mask: Int, penalty: Int, matrix: QRMatrix)?
        for mask in 0..<8 {
            var candidate = matrix
            candidate.applyMask(mask)
            candidate.drawFormatBits(level: level, mask: mask)
            let penalty = candidate.penalty()
            if best == nil || penalty < best!.penalty { best = (mask, penalty, candidate) }
        }
        self.version = version
        self.errorCorrection = level
        self.mask = best!.mask
        self.size = matrix.size
        self.modules = best!.matrix.modules
    }

    /// Mode indicator, character count, the bytes, terminator and pad codewords.
    static func dataCodewords(_ bytes: [UInt8], version: Int, level: QRErrorCorrection, utf8: Bool = false) -> [UInt8] {
        var bits = BitBuffer()
        if utf8 {
            bits.append(0b0111, count: 4) // ECI
            bits.append(26, count: 8)     // UTF-8
        }
        bits.append(0b0100, count: 4)
        bits.append(bytes.count, count: version <= 9 ? 8 : 16)
        for b in bytes { bits.append(Int(b), count: 8) }
        let capacity = QRTables.dataCodewords(version, level) * 8
        bits.append(0, count: min(4, capacity - bits.count))
        bits.append(0, count: (8 - bits.count % 8) % 8)
        var pad = 0xEC
        while bits.count < capacity {
            bits.append(pad, count: 8)
            pad ^= 0xEC ^ 0x11
        }
        return bits.bytes
    }

    /// Splits data into blocks, adds Reed–Solomon codewords, and interleaves as the standard lays them out.
    static func interleave(_ data: [UInt8], version: Int, level: QRErrorCorrection) -> [UInt8] {
        let blocks = QRTables.errorCorrectionBlocks[level.rawValue][version]
        let eccLength = QRTables.eccCodewordsPerBlock[level.rawValue][version]
        let raw = QRTables.rawDataModules(version) / 8
        let shortBlocks = blocks - raw % blocks
        let shortLength = raw / blocks
        let rs = ReedSolomon(degree: eccLength)
        var dataBlocks: [[UInt8]] = []
        var eccBlocks: [[UInt8]] = []
        var k = 0
        for i in 0..<blocks {
            let length = shortLength - eccLength + (i < shortBlocks ? 0 : 1)
            let block = Array(data[k..<(k + length)])
            k += length
            dataBlocks.append(block)
            eccBlocks.append(rs.remainder(block))
        }
        var result: [UInt8] = []
        for i in 0..<(shortLength - eccLength + 1) {
            for block in dataBlocks where i < block.count { result.append(block[i]) }
        }
        for i in 0..<eccLength {
            for block in eccBlocks { result.append(block[i]) }
        }
        return result
    }
}
