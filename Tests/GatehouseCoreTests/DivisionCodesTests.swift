import GatehouseCore
import XCTest

final class DivisionCodesTests: XCTestCase {
    let codes = DivisionCodes.bundled

    func testCurrentCodeResolvesToThreeLevels() {
        let l = codes.lookup("110105")
        XCTAssertEqual(l.province, "北京市")
        XCTAssertEqual(l.county, "朝阳区")
        XCTAssertTrue(l.isKnown)
        XCTAssertTrue(l.isCurrent)
        XCTAssertEqual(l.fullName, "北京市 朝阳区")
    }

    func testAbandonedCodeIsKnownButNotCurrent() {
        // 驻马店地区 (4128xx) became 驻马店市 (4117xx) in 2000; the old codes stay on millions of cards.
        let l = codes.lookup("412821")
        XCTAssertEqual(l.province, "河南省")
        XCTAssertEqual(l.city, "驻马店地区")
        XCTAssertEqual(l.county, "确山县")
        XCTAssertTrue(l.isKnown)
        XCTAssertFalse(l.isCurrent)
    }

    func testUnknownCodeIsAWarningNotACrash() {
        let l = codes.lookup("999999")
        XCTAssertFalse(l.isKnown)
        XCTAssertNil(l.province)
        XCTAssertFalse(codes.lookup("12ab").isKnown)
    }

    func testTableIsLargeAndHasHistory() {
        XCTAssertGreaterThan(codes.count, 6000)
        XCTAssertGreaterThan(codes.provinces().count, 30)
        XCTAssertTrue(codes.cities(ofProvince: "410000").contains { $0.name == "郑州市" })
        XCTAssertTrue(codes.counties(ofCity: "411700").contains { $0.name == "确山县" })
    }

    func testParsesTSV() {
        let table = DivisionCodes(tsv: "# c\n410000\t河南省\t\t\n419001\t济源市\t1997\t\n")
        XCTAssertEqual(table.count, 2)
        XCTAssertEqual(table.lookup("419001").fullName, "河南省 济源市")
    }
}
