import GatehouseCore
import XCTest

final class PhoneAndNameTests: XCTestCase {
    func testMobileNumbers() throws {
        XCTAssertEqual(try PhoneNumber("138 1234 8058").value, "13812348058")
        XCTAssertEqual(try PhoneNumber("+86 138-1234-8058").masked, "138****8058")
        XCTAssertEqual(try PhoneNumber("13812348058").kind, .mobile)
        XCTAssertThrowsError(try PhoneNumber("12812348058")) { XCTAssertEqual($0 as? PhoneNumberError, .invalid) }
        XCTAssertThrowsError(try PhoneNumber("1381234805")) { XCTAssertEqual($0 as? PhoneNumberError, .invalid) }
        XCTAssertThrowsError(try PhoneNumber(" ")) { XCTAssertEqual($0 as? PhoneNumberError, .empty) }
        XCTAssertThrowsError(try PhoneNumber("138abcd8058"))
    }

    func testLandlines() throws {
        XCTAssertEqual(try PhoneNumber("0396-2655088").value, "0396-2655088")
        XCTAssertEqual(try PhoneNumber("03962655088").value, "0396-2655088")
        XCTAssertEqual(try PhoneNumber("010 65123456").value, "010-65123456")
        XCTAssertEqual(try PhoneNumber("2655088").kind, .landline)
        XCTAssertEqual(try PhoneNumber("0396-2655088").masked, "0396-***5088")
        XCTAssertThrowsError(try PhoneNumber("0396-0655088"))
    }

    func testNameMasking() {
        XCTAssertEqual(PersonName.mask("张三"), "张*")
        XCTAssertEqual(PersonName.mask("李云"), "李*")
        XCTAssertEqual(PersonName.mask("欧阳娜娜"), "欧阳**")
        XCTAssertEqual(PersonName.mask("黄"), "黄*")
        XCTAssertEqual(PersonName.mask("John"), "J***")
        XCTAssertEqual(PersonName.mask(""), "")
    }

    func testNameValidation() {
        XCTAssertEqual(PersonName.validated("  田壮 "), "田壮")
        XCTAssertNil(PersonName.validated(""))
        XCTAssertNil(PersonName.validated("abc123"))
        XCTAssertEqual(PersonName.validated("张三"), "张三")
        XCTAssertNil(PersonName.validated("张３"))
        XCTAssertNil(PersonName.validated("<script>"))
    }
}
