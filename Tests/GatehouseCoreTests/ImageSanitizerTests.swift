import Foundation
import GatehouseCore
import XCTest

final class ImageSanitizerTests: XCTestCase {
    /// A minimal JPEG with an APP0 header, an EXIF (APP1) segment holding a fake GPS tag, a comment, and a scan.
    static func jpegWithMetadata() -> Data {
        var b: [UInt8] = [0xFF, 0xD8]
        b += [0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]
        let exif = Array("Exif\0\0GPS 34.05N 112.6E".utf8)
        b += [0xFF, 0xE1, 0x00, UInt8(exif.count + 2)] + exif
        let comment = Array("taken at home".utf8)
        b += [0xFF, 0xFE, 0x00, UInt8(comment.count + 2)] + comment
        b += [0xFF, 0xDB, 0x00, 0x04, 0x00, 0x01]
        b += frame(width: 1, height: 1)
        b += [0xFF, 0xDA, 0x00, 0x04, 0x01, 0x00, 0x12, 0x34, 0x56, 0xFF, 0xD9]
        return Data(b)
    }

    /// A baseline frame header (SOF0) of one component.
    static func frame(width: Int, height: Int) -> [UInt8] {
        [0xFF, 0xC0, 0x00, 0x0B, 0x08, UInt8(height >> 8), UInt8(height & 255), UInt8(width >> 8), UInt8(width & 255), 0x01, 0x01, 0x11, 0x00]
    }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let n = data.count
        let crc = CRC32.of(Array(type.utf8) + data)
        return [UInt8(n >> 24 & 255), UInt8(n >> 16 & 255), UInt8(n >> 8 & 255), UInt8(n & 255)] + Array(type.utf8) + data
            + [UInt8(crc >> 24 & 255), UInt8(crc >> 16 & 255), UInt8(crc >> 8 & 255), UInt8(crc & 255)]
    }

    static func header(width: UInt32, height: UInt32) -> [UInt8] {
        [UInt8(width >> 24), UInt8(width >> 16 & 255), UInt8(width >> 8 & 255), UInt8(width & 255),
         UInt8(height >> 24), UInt8(height >> 16 & 255), UInt8(height >> 8 & 255), UInt8(height & 255), 8, 2, 0, 0, 0]
    }

    /// A PNG of `width` × `height` whose image data is a (short) zlib stream.
    static func png(width: UInt32 = 1, height: UInt32 = 1, idat: [UInt8] = [0x78, 0x9C, 0x63, 0x60, 0x00, 0x00]) -> [UInt8] {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", header(width: width, height: height))
            + chunk("IDAT", idat) + chunk("IEND", [])
    }

    static func pngWithMetadata() -> Data {
        var b: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        b += chunk("IHDR", header(width: 1, height: 1))
        b += chunk("tEXt", Array("Location\0Xingfu Garden 3-2-501".utf8))
        b += chunk("eXIf", Array("MM\0*GPS".utf8))
        b += chunk("IDAT", [0x78, 0x9C, 0x63, 0x60, 0x00, 0x00])
        b += chunk("IEND", [])
        return Data(b)
    }

    func testJPEGMetadataIsRemovedAndTheImageKept() throws {
        let (kind, clean) = try ImageSanitizer.sanitize(Self.jpegWithMetadata())
        XCTAssertEqual(kind, .jpeg)
        XCTAssertNil(clean.range(of: Data("GPS".utf8)))
        XCTAssertNil(clean.range(of: Data("taken at home".utf8)))
        XCTAssertNotNil(clean.range(of: Data("JFIF".utf8)))
        XCTAssertNotNil(clean.range(of: Data([0x12, 0x34, 0x56, 0xFF, 0xD9])))
    }

    func testPNGTextAndExifChunksAreRemoved() throws {
        let (kind, clean) = try ImageSanitizer.sanitize(Self.pngWithMetadata())
        XCTAssertEqual(kind, .png)
        XCTAssertNil(clean.range(of: Data("Xingfu".utf8)))
        XCTAssertNil(clean.range(of: Data("eXIf".utf8)))
        XCTAssertNotNil(clean.range(of: Data("IDAT".utf8)))
        XCTAssertNotNil(clean.range(of: Data("IEND".utf8)))
    }

    func testContentDecidesNotTheName() {
        XCTAssertThrowsError(try ImageSanitizer.sanitize(Data("GIF89a....".utf8))) { XCTAssertEqual($0 as? ImageSanitizer.Failure, .notAnImage) }
        XCTAssertThrowsError(try ImageSanitizer.sanitize(Data("<svg onload=alert(1)>".utf8)))
        XCTAssertThrowsError(try ImageSanitizer.sanitize(Data())) { XCTAssertEqual($0 as? ImageSanitizer.Failure, .empty) }
        XCTAssertThrowsError(try ImageSanitizer.sanitize(Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00]))) { XCTAssertEqual($0 as? ImageSanitizer.Failure, .malformed) }
        XCTAssertThrowsError(try ImageSanitizer.sanitize(Self.jpegWithMetadata(), limit: 10)) {
            XCTAssertEqual($0 as? ImageSanitizer.Failure, .tooLarge(limit: 10))
        }
    }

    func testAPictureTooBigToUnpackIsRefusedWhateverItsFileSize() {
        // 20000 × 20000 claimed by a PNG of a few bytes, and by a JPEG's frame.
        XCTAssertThrowsError(try ImageSanitizer.sanitize(Data(Self.png(width: 20000, height: 20000)))) {
            XCTAssertEqual($0 as? ImageSanitizer.Failure, .tooManyPixels(limit: 40_000_000))
        }
        var jpeg: [UInt8] = [0xFF, 0xD8] + Self.frame(width: 20000, height: 20000)
        jpeg += [0xFF, 0xDA, 0x00, 0x04, 0x01, 0x00, 0x12, 0xFF, 0xD9]
        XCTAssertThrowsError(try ImageSanitizer.sanitize(Data(jpeg))) { XCTAssertEqual($0 as? ImageSanitizer.Failure, .tooManyPixels(limit: 40_000_000)) }
        XCTAssertNoThrow(try ImageSanitizer.sanitize(Data(Self.png(width: 8000, height: 5000))), "40 megapixels exactly")
        XCTAssertEqual(ImageSanitizer.Failure.tooManyPixels(limit: 40_000_000).message.zh, "照片像素过多（最多4000万像素），请用相机的普通模式重拍")
    }

    func testAPNGThatDoesNotHoldTogetherIsRefused() {
        func refused(_ bytes: [UInt8], _ why: String) {
            XCTAssertThrowsError(try ImageSanitizer.sanitize(Data(bytes)), why) { XCTAssertEqual($0 as? ImageSanitizer.Failure, .malformed, why) }
        }
        refused(Self.png(width: 1 << 31, height: 1 << 31), "a header claiming 2^31 × 2^31")
        var badCRC = Self.png()
        badCRC[8 + 8 + 13] ^= 0x01
        refused(badCRC, "a chunk whose CRC does not match")
        refused(Self.png(idat: [1, 2, 3]), "image data that is not a zlib stream")
        var badDepth = Self.header(width: 1, height: 1)
        badDepth[8] = 3
        refused([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Self.chunk("IHDR", badDepth) + Self.chunk("IDAT", [0x78, 0x9C, 0, 0]) + Self.chunk("IEND", []),
                "a bit depth the format does not have")
        refused([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Self.chunk("IHDR", Self.header(width: 1, height: 1)) + Self.chunk("IEND", []),
                "no image data")
        XCTAssertNoThrow(try ImageSanitizer.sanitize(Data(Self.png())))
    }

    func testAJPEGNeedsItsFrameScanAndEndAndLosesWhatFollows() throws {
        func refused(_ bytes: [UInt8], _ why: String) {
            XCTAssertThrowsError(try ImageSanitizer.sanitize(Data(bytes)), why) { XCTAssertEqual($0 as? ImageSanitizer.Failure, .malformed, why) }
        }
        refused([0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x04, 0x01, 0x00, 0x12, 0xFF, 0xD9], "no frame")
        refused([0xFF, 0xD8] + Self.frame(width: 1, height: 1) + [0xFF, 0xDA, 0x00, 0x04, 0x01, 0x00, 0x12, 0x34], "cut off")
        refused([0xFF, 0xD8] + Self.frame(width: 0, height: 1) + [0xFF, 0xDA, 0x00, 0x04, 0x01, 0x00, 0x12, 0xFF, 0xD9], "no width")
        // Two scans (progressive) with a table between them; a trailer a camera wrote after the end.
        let image: [UInt8] = [0xFF, 0xD8] + Self.frame(width: 4, height: 3) + [0xFF, 0xDA, 0x00, 0x04, 0x01, 0x00, 0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56]
            + [0xFF, 0xC4, 0x00, 0x03, 0x00] + [0xFF, 0xDA, 0x00, 0x04, 0x01, 0x00, 0x78, 0xFF, 0xD9]
        let clean = try ImageSanitizer.sanitize(Data(image + Array("GPS 34.05N trailer".utf8))).data
        XCTAssertEqual(Array(clean), image)
    }
}
