/// Reed–Solomon error correction over GF(2⁸) with the QR polynomial x⁸+x⁴+x³+x²+1.
struct ReedSolomon {
    private let generator: [UInt8]

    /// A generator for `degree` error correction codewords.
    init(degree: Int) {
        var g = [UInt8](repeating: 0, count: degree)
        g[degree - 1] = 1
        var root: UInt8 = 1
        for _ in 0..<degree {
            for j in 0..<degree {
                g[j] = ReedSolomon.multiply(g[j], root)
                if j + 1 < degree { g[j] ^= g[j + 1] }
            }
            root = ReedSolomon.multiply(root, 0x02)
        }
        generator = g
    }

    /// The error correction codewords of `data`.
    func remainder(_ data: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: generator.count)
        for byte in data {
            let factor = byte ^ result.removeFirst()
            result.append(0)
            for i in 0..<result.count { result[i] ^= ReedSolomon.multiply(generator[i], factor) }
        }
        return result
    }

    static func multiply(_ x: UInt8, _ y: UInt8) -> UInt8 {
        var z: Int = 0
        for i in stride(from: 7, through: 0, by: -1) {
            z = (z << 1) ^ ((z >> 7) * 0x11D)
            z ^= ((Int(y) >> i) & 1) * Int(x)
        }
        return UInt8(z & 0xFF)
    }
}
