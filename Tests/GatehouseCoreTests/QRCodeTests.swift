@testable import GatehouseCore
import XCTest

final class QRCodeTests: XCTestCase {
    func testReedSolomonMatchesTheStandardsExample() {
        // ISO/IEC 18004 annex I: "01234567", version 1-M.
        let data: [UInt8] = [0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11]
        XCTAssertEqual(ReedSolomon(degree: 10).remainder(data), [0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55])
    }

    func testCapacitiesAndAlignmentPositions() {
        XCTAssertEqual(QRTables.dataCodewords(1, .low), 19)
        XCTAssertEqual(QRTables.dataCodewords(1, .medium), 16)
        XCTAssertEqual(QRTables.dataCodewords(1, .quartile), 13)
        XCTAssertEqual(QRTables.dataCodewords(1, .high), 9)
        XCTAssertEqual(QRTables.dataCodewords(10, .medium), 216)
        XCTAssertEqual(QRTables.dataCodewords(40, .low), 2956)
        XCTAssertEqual(QRTables.dataCodewords(40, .high), 1276)
        XCTAssertEqual(QRTables.alignmentPositions(1), [])
        XCTAssertEqual(QRTables.alignmentPositions(2), [6, 18])
        XCTAssertEqual(QRTables.alignmentPositions(7), [6, 22, 38])
        XCTAssertEqual(QRTables.alignmentPositions(32), [6, 34, 60, 86, 112, 138])
        XCTAssertEqual(QRTables.alignmentPositions(40), [6, 30, 58, 86, 114, 142, 170])
    }

    func testFormatAndVersionBits() {
        var m = QRMatrix(version: 7)
        m.drawFunctionPatterns()
        m.drawFormatBits(level: .medium, mask: 0)
        // M, mask 0: 101010000010010, bit 0 at (8,0) … bit 14 at (0,8).
        let bits = 0b101010000010010
        XCTAssertEqual(m[8, 0], bits & 1 == 1)
        XCTAssertEqual(m[0, 8], (bits >> 14) & 1 == 1)
        // Version 7 information: 0x07C94, bit 0 at (size-11, 0).
        XCTAssertEqual(m[m.size - 11, 0], 0x07C94 & 1 == 1)
        XCTAssertEqual(m[m.size - 9, 5], (0x07C94 >> 17) & 1 == 1)
        XCTAssertTrue(m[8, m.size - 8], "the dark module")
    }

    func testVersionGrowsWithLengthAndLevel() throws {
        XCTAssertEqual(try QRCode(text: "hello", errorCorrection: .medium).version, 1)
        XCTAssertEqual(try QRCode(bytes: Array(repeating: 65, count: 14), errorCorrection: .medium).version, 1)
        XCTAssertEqual(try QRCode(bytes: Array(repeating: 65, count: 15), errorCorrection: .medium).version, 2)
        XCTAssertEqual(try QRCode(bytes: Array(repeating: 65, count: 2953), errorCorrection: .low).version, 40)
        XCTAssertThrowsError(try QRCode(bytes: Array(repeating: 65, count: 2954), errorCorrection: .low))
        let big = try QRCode(bytes: Array("x".utf8), errorCorrection: .high, minimumVersion: 25)
        XCTAssertEqual(big.version, 25)
        XCTAssertEqual(big.size, 117)
    }

    func testFinderPatternsAndQuietRendering() throws {
        let code = try QRCode(text: "GH1.test")
        for (x, y) in [(0, 0), (code.size - 7, 0), (0, code.size - 7)] {
            XCTAssertTrue(code.isDark(x: x, y: y))
            XCTAssertFalse(code.isDark(x: x + 1, y: y + 1))
            XCTAssertTrue(code.isDark(x: x + 3, y: y + 3))
        }
        let svg = code.svg()
        XCTAssertTrue(svg.hasPrefix("<svg"))
        XCTAssertTrue(svg.contains("viewBox=\"0 0 \((code.size + 8) * 8)"))
        let png = code.png(scale: 4)
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        XCTAssertEqual(PNGWriter.crc32(Array("IEND".utf8)), 0xAE42_6082)
    }

    func testMaskChoiceIsTheLowestPenalty() throws {
        let code = try QRCode(text: "https://example.invalid/pass/abc", errorCorrection: .quartile)
        XCTAssertTrue((0..<8).contains(code.mask))
    }
}
