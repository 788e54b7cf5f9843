import Foundation

/// Checks that bytes really are a JPEG or PNG image (by content, never by file name) and removes
/// metadata — EXIF with its GPS position, XMP, IPTC, comments, text chunks — before a photo is stored.
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

        public var message: LocalizedText {
            switch self {
            case .empty: return LocalizedText(zh: "照片为空", en: "The photo is empty")
            case .tooLarge(let limit):
                return LocalizedText(zh: "照片不能超过\(limit / 1_048_576)MB", en: "A photo may be at most \(limit / 1_048_576) MB")
            case .notAnImage: return LocalizedText(zh: "只接受JPEG或PNG照片", en: "Only JPEG or PNG photos are accepted")
            case .malformed: return LocalizedText(zh: "照片文件已损坏", en: "The photo file is damaged")
            }
        }
    }

    /// 5 MB.
    public static let defaultLimit = 5 * 1_048_576

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

    static func jpeg(_ b: [UInt8]) throws(Failure) -> Data {
        var out: [UInt8] = [0xFF, 0xD8]
        var i = 2
        while i < b.count {
            guard b[i] == 0xFF, i + 1 < b.count else { throw .malformed }
            let marker = b[i + 1]
            if marker == 0xFF { i += 1; continue } // fill byte
            if marker == 0xD9 { out += [0xFF, 0xD9]; return Data(out) }
            if (0xD0...0xD7).contains(marker) || marker == 0x01 { out += [0xFF, marker]; i += 2; continue }
            guard i + 3 < b.count else { throw .malformed }
            let length = Int(b[i + 2]) << 8 | Int(b[i + 3])
            guard length >= 2, i + 2 + length <= b.count else { throw .malformed }
            let segment = b[i..<(i + 2 + length)]
            if marker == 0xDA {
                // Start of scan: the compressed image follows up to the end of the file.
                out += b[i...]
                return Data(out)
            }
            let isMetadata = (0xE1...0xED).contains(marker) || marker == 0xEF || marker == 0xFE
            if !isMetadata { out += segment }
            i += 2 + length
        }
        throw .malformed
    }

    static func png(_ b: [UInt8]) throws(Failure) -> Data {
        var out = pngSignature
        var i = pngSignature.count
        var first = true
        while i + 12 <= b.count {
            let length = Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3])
            guard length >= 0, i + 12 + length <= b.count else { throw .malformed }
            let type = String(decoding: b[(i + 4)..<(i + 8)], as: UTF8.self)
            if first, type != "IHDR" { throw .malformed }
            first = false
            if keptPNGChunks.contains(type) { out += b[i..<(i + 12 + length)] }
            i += 12 + length
            if type == "IEND" { return Data(out) }
        }
        throw .malformed
    }
}
