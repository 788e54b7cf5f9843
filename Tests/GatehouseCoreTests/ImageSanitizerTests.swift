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
        b += [0xFF, 0xDA, 0x00, 0x04, 0x01, 0x00, 0x12, 0x34, 0x56, 0xFF, 0xD9]
        return Data(b)
    }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let n = data.count
        return [UInt8(n >> 24 & 255), UInt8(n >> 16 & 255), UInt8(n >> 8 & 255), UInt8(n & 255)] + Array(type.utf8) + data + [0, 0, 0, 0]
    }

    static func pngWithMetadata() -> Data {
        var b: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        b += chunk("IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0])
        b += chunk("tEXt", Array("Location\0Xingfu Garden 3-2-501".utf8))
        b += chunk("eXIf", Array("MM\0*GPS".utf8))
        b += chunk("IDAT", [1, 2, 3])
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
}
