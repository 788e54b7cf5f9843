import GatehouseCore
import XCTest

final class ResidentIDNumberTests: XCTestCase {
    let today = CalendarDate(year: 2026, month: 11, day: 22)!

    func testValidNumberGivesBirthDateSexAndDivision() throws {
        let id = try ResidentIDNumber("11010519491231002x", today: today)
        XCTAssertEqual(id.value, "11010519491231002X")
        XCTAssertEqual(id.birthDate, CalendarDate(year: 1949, month: 12, day: 31))
        XCTAssertEqual(id.sex, .female)
        XCTAssertEqual(id.divisionCode, "110105")
        XCTAssertEqual(id.kind, .residentIdentityCard)
        XCTAssertEqual(id.age(on: today), 76)
        XCTAssertEqual(id.masked, "110***********002X")
    }

    func testOddSequenceIsMale() throws {
        XCTAssertEqual(try ResidentIDNumber("412821197910110010", today: today).sex, .male)
    }

    func testFullWidthDigitsAndBlanksAreAccepted() throws {
        let id = try ResidentIDNumber(" １１０１０５ 1949 1231 002Ｘ ", today: today)
        XCTAssertEqual(id.value, "11010519491231002X")
    }

    func testLegacyFifteenDigitNumberIsConverted() throws {
        let id = try ResidentIDNumber("110105491231002", today: today)
        XCTAssertEqual(id.value, "11010519491231002X")
        XCTAssertTrue(id.wasConvertedFromLegacy)
    }

    func testEachRuleHasItsOwnError() {
        XCTAssertThrowsError(try ResidentIDNumber("1101051949123100211", today: today)) {
            XCTAssertEqual($0 as? IDNumberError, .length(19))
        }
        XCTAssertThrowsError(try ResidentIDNumber("", today: today)) { XCTAssertEqual($0 as? IDNumberError, .length(0)) }
        XCTAssertThrowsError(try ResidentIDNumber("11010519491231A02X", today: today)) {
            XCTAssertEqual($0 as? IDNumberError, .characters)
        }
        XCTAssertThrowsError(try ResidentIDNumber("110105194912310021", today: today)) {
            XCTAssertEqual($0 as? IDNumberError, .checkCharacter(expected: "X", found: "1"))
        }
        // 2001 is not a leap year.
        XCTAssertThrowsError(try ResidentIDNumber("410105200102290038", today: today)) {
            XCTAssertEqual($0 as? IDNumberError, .birthDate)
        }
        XCTAssertEqual(try ResidentIDNumber("410105200002290022", today: today).birthDate.day, 29)
    }

    func testBirthDateInTheFutureIsRejected() {
        let early = CalendarDate(year: 1949, month: 12, day: 30)!
        XCTAssertThrowsError(try ResidentIDNumber("11010519491231002X", today: early)) {
            XCTAssertEqual(($0 as? IDNumberError)?.rule, "birth_date")
        }
    }

    func testResidencePermitsAreRecognised() throws {
        XCTAssertEqual(try ResidentIDNumber("810000199001010019", today: today).kind, .hongKongResidencePermit)
    }

    func testMessagesAreBilingual() {
        XCTAssertTrue(IDNumberError.checkCharacter(expected: "X", found: "1").message.zh.contains("校验位"))
        XCTAssertTrue(IDNumberError.length(19).message.en.contains("19"))
    }

    func testCheckCharacter() {
        XCTAssertEqual(ISO7064.mod11_2("11010519491231002"), "X")
        XCTAssertNil(ISO7064.mod11_2("1101051949123100"))
    }

    func testOperatorUserCodeIsBadgeOrIDNumber() throws {
        XCTAssertEqual(try OperatorUserCode("jy0413", today: today), .badge("JY0413"))
        XCTAssertEqual(try OperatorUserCode("11010519491231002X", today: today).value, "11010519491231002X")
        XCTAssertThrowsError(try OperatorUserCode("110105194912310021", today: today))
        XCTAssertThrowsError(try OperatorUserCode("警号", today: today))
    }
}
