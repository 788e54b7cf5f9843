import Foundation

/// Checks that bytes really are a JPEG or PNG image (by content, never by file name) and removes
/// metadata — EXIF with its GPS position, XMP, IPTC, comments, text chunks, anything after the image's end —
/// before a photo is stored. Refused: an image of more than `pixelLimit` pixels (a small file can claim a huge
/// picture that every viewer then tries to unpack), a header out of its format's range, a PNG chunk whose CRC
/// does not match or whose image data is not a zlib stream, a JPEG without its frame, scan or end.
public enum ImageSanitizer {
    public enum Kind: String, Sendable {
        case jpeg = "image/jpeg"
        case png = "image/png"
    }

    public enum Failure: Error, Sendable, Equatable {
        case empty
        case tooLarge(limit: Int)
        case notAnImage
        case malformed
        case tooManyPixels(limit: Int)

        public var message: LocalizedText {
            switch self {
            case .empty: return LocalizedText(zh: "照片为空", en: "The photo is empty")
            case .tooLarge(let limit):
                return LocalizedText(zh: "照片不能超过\(limit / 1_048_576)MB", en: "A photo may be at most \(limit / 1_048_576) MB")
            case .notAnImage: return LocalizedText(zh: "只接受JPEG或PNG照片", en: "Only JPEG or PNG photos are accepted")
            case .malformed: return LocalizedText(zh: "照片文件已损坏，请重新拍摄", en: "The photo file is damaged; take it again")
            case .tooManyPixels(let limit):
                return LocalizedText(zh: "照片像素过多（最多\(limit / 10_000)万像素），请用相机的普通模式重拍",
                                     en: "The photo has too many pixels (at most \(limit / 1_000_000) megapixels); take it in the camera's normal mode")
            }
        }
    }

    /// 5 MB.
    public static let defaultLimit = 5 * 1_048_576
    /// 40 megapixels: more than any phone camera's normal mode.
    public static let pixelLimit = 40_000_000

    /// The kind of image and its bytes without metadata.
    public static func sanitize(_ data: Data, limit: Int = defaultLimit) throws(Failure) -> (kind: Kind, data: Data) {
        guard !data.isEmpty else { throw .empty }
        guard data.count <= limit else { throw .tooLarge(limit: limit) }
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return (.jpeg, try jpeg(bytes)) }
        if bytes.starts(with: pngSignature) { return (.png, try png(bytes)) }
        throw .notAnImage
    }

    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    /// Ancillary PNG chunks that describe how to show the pixels and say nothing about who or where.
    static let keptPNGChunks: Set<String> = ["IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "pHYs", "bKGD"]

    /// Frame markers (SOF0–SOF15 but DHT, JPG and DAC), which carry the picture's size.
    static func isFrame(_ marker: UInt8) -> Bool {
        (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker)
    }

    static func jpeg(_ b: [UInt8]) throws(Failure) -> Data {
        var out: [UInt8] = [0xFF, 0xD8]
        var i = 2
        var framed = false
        var scanned = false
        while i < b.count {
            guard b[i] == 0xFF, i + 1 < b.count else { throw .malformed }
            let marker = b[i + 1]
            if marker == 0xFF { i += 1; continue } // fill byte
            if marker == 0xD9 {
                // The end of the image; whatever a camera appended after it is not kept.
                guard framed, scanned else { throw .malformed }
                out += [0xFF, 0xD9]
                return Data(out)
            }
            if (0xD0...0xD7).contains(marker) || marker == 0x01 { out += [0xFF, marker]; i += 2; continue }
            guard i + 3 < b.count else { throw .malformed }
            let length = Int(b[i + 2]) << 8 | Int(b[i + 3])
            guard length >= 2, i + 2 + length <= b.count else { throw .malformed }
            if isFrame(marker) {
                guard length >= 8, !framed else { throw .malformed }
                let height = Int(b[i + 5]) << 8 | Int(b[i + 6])
                let width = Int(b[i + 7]) << 8 | Int(b[i + 8])
                guard width > 0, height > 0 else { throw .malformed }
                guard width * height <= pixelLimit else { throw .tooManyPixels(limit: pixelLimit) }
                framed = true
            }
            let isMetadata = (0xE1...0xED).contains(marker) || marker == 0xEF || marker == 0xFE
            if !isMetadata { out += b[i..<(i + 2 + length)] }
            i += 2 + length
            if marker == 0xDA {
                // A scan: its entropy-coded data runs to the next marker (0xFF followed by neither a stuffed 0x00
                // nor a restart marker); progressive images have several scans with tables between them.
                guard framed else { throw .malformed }
                scanned = true
                let start = i
                while i + 1 < b.count, !(b[i] == 0xFF && b[i + 1] != 0x00 && !(0xD0...0xD7).contains(b[i + 1])) { i += 1 }
                guard i + 1 < b.count else { throw .malformed }
                out += b[start..<i]
            }
        }
        throw .malformed
    }

    static func png(_ b: [UInt8]) throws(Failure) -> Data {
        var out = pngSignature
        var i = pngSignature.count
        var first = true
        var sawData = false
        while i + 12 <= b.count {
            let length = Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3])
            guard length <= Int(Int32.max), i + 12 + length <= b.count else { throw .malformed }
            let type = String(decoding: b[(i + 4)..<(i + 8)], as: UTF8.self)
            let data = b[(i + 8)..<(i + 8 + length)]
            let stored = UInt32(b[i + 8 + length]) << 24 | UInt32(b[i + 9 + length]) << 16
                | UInt32(b[i + 10 + length]) << 8 | UInt32(b[i + 11 + length])
            guard CRC32.of(b[(i + 4)..<(i + 8 + length)]) == stored else { throw .malformed }
            if first {
                guard type == "IHDR", length == 13 else { throw .malformed }
                try checkHeader(Array(data))
            }
            first = false
            if type == "IDAT", !sawData {
                // A zlib stream: deflate, a window of at most 32 KB, a header whose check bits hold.
                guard length >= 2, data[data.startIndex] & 0x0F == 8, data[data.startIndex] >> 4 <= 7,
                      (Int(data[data.startIndex]) << 8 | Int(data[data.startIndex + 1])) % 31 == 0 else { throw .malformed }
                sawData = true
            }
            if keptPNGChunks.contains(type) { out += b[i..<(i + 12 + length)] }
            i += 12 + length
            if type == "IEND" {
                guard sawData else { throw .malformed }
                return Data(out)
            }
        }
        throw .malformed
    }

    /// The PNG header's fields within the format's ranges, and the picture within `pixelLimit`.
    static func checkHeader(_ h: [UInt8]) throws(Failure) {
        let width = Int(h[0]) << 24 | Int(h[1]) << 16 | Int(h[2]) << 8 | Int(h[3])
        let height = Int(h[4]) << 24 | Int(h[5]) << 16 | Int(h[6]) << 8 | Int(h[7])
        guard width > 0, height > 0, width <= Int(Int32.max), height <= Int(Int32.max) else { throw .malformed }
        let depths: [UInt8: Set<UInt8>] = [0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16]]
        guard let allowed = depths[h[9]], allowed.contains(h[8]), h[10] == 0, h[11] == 0, h[12] <= 1 else { throw .malformed }
        guard width * height <= pixelLimit else { throw .tooManyPixels(limit: pixelLimit) }
    }
}
