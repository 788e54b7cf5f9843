import GatehouseCore
import XCTest

final class FieldProtectionTests: XCTestCase {
    func testSealOpenRoundTripAndContextBinding() throws {
        let ring = SecretKeyRing.generate().ring
        let sealer = FieldSealer(ring: ring)
        let sealed = sealer.seal("13812348058", context: "user.phone")
        XCTAssertFalse(sealed.contains("13812348058"))
        XCTAssertTrue(sealed.hasPrefix("k1."))
        XCTAssertEqual(try sealer.open(sealed, context: "user.phone"), "13812348058")
        XCTAssertThrowsError(try sealer.open(sealed, context: "user.name"))
        XCTAssertNotEqual(sealer.seal("x", context: "c"), sealer.seal("x", context: "c"), "nonces must differ")
    }

    func testRotationKeepsOldRowsReadable() throws {
        let old = SecretKeyRing.generate(id: "k1")
        let oldSealed = FieldSealer(ring: old.ring).seal("田壮", context: "n")
        let newLine = SecretKeyRing.generate(id: "k2").text.split(separator: "\n").last!
        let rotated = try SecretKeyRing(text: old.text + newLine + "\n")
        XCTAssertEqual(rotated.currentID, "k2")
        let sealer = FieldSealer(ring: rotated)
        XCTAssertEqual(try sealer.open(oldSealed, context: "n"), "田壮")
        XCTAssertTrue(sealer.seal("x", context: "n").hasPrefix("k2."))
        // The blind index does not change with rotation.
        XCTAssertEqual(BlindIndex(ring: old.ring).token("a", domain: "d"), BlindIndex(ring: rotated).token("a", domain: "d"))
    }

    func testTamperedCiphertextIsRefused() {
        let sealer = FieldSealer(ring: SecretKeyRing.generate().ring)
        var sealed = Array(sealer.seal("secret", context: "c"))
        // A character well inside the base64 text: near the end, padding bits could make a change invisible.
        let i = sealed.count / 2
        sealed[i] = sealed[i] == "A" ? "B" : "A"
        XCTAssertThrowsError(try sealer.open(String(sealed), context: "c"))
        XCTAssertThrowsError(try sealer.open("k9.AAAA", context: "c"))
        XCTAssertThrowsError(try sealer.open("garbage", context: "c"))
    }

    func testBlindIndexIsDeterministicPerKeyAndDomain() throws {
        let ring = SecretKeyRing.generate().ring
        let index = BlindIndex(ring: ring)
        let id = try ResidentIDNumber("11010519491231002x", today: CalendarDate(year: 2026, month: 1, day: 1)!)
        XCTAssertEqual(index.idNumber(id), index.token("11010519491231002X", domain: "id-number"))
        XCTAssertNotEqual(index.token("1", domain: "a"), index.token("1", domain: "b"))
        XCTAssertNotEqual(index.token("1", domain: "a"), BlindIndex(ring: SecretKeyRing.generate().ring).token("1", domain: "a"))
        XCTAssertEqual(index.token("1", domain: "a").count, 32)
    }

    func testKeyFileErrorsAreClear() {
        XCTAssertThrowsError(try SecretKeyRing(text: "# only a comment\n"))
        XCTAssertThrowsError(try SecretKeyRing(text: "k1:notbase64\n")) {
            XCTAssertTrue(String(describing: $0).contains("line 1"))
        }
    }

    func testFixedClockAdvances() {
        let clock = FixedWallClock(Date(timeIntervalSince1970: 0))
        clock.advance(by: 60)
        XCTAssertEqual(clock.now().timeIntervalSince1970, 60)
    }

    func testEnrolmentCodes() {
        let code = EnrolmentCode.generate()
        XCTAssertEqual(code.count, 8)
        XCTAssertFalse(code.contains("0") || code.contains("O") || code.contains("I"))
        XCTAssertEqual(EnrolmentCode.normalise(" k7m3-q9pd "), "K7M3Q9PD")
    }
}
