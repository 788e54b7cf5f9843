import Foundation
@testable import GatehouseServer
import XCTest

final class ChinaTimeTests: XCTestCase {
    func testArithmeticAgreesWithDateFormatterForEveryFormatInUse() {
        let formats = ["HH:mm", "HH:mm:ss", "MM-dd HH:mm", "MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyyMMdd HH:mm:ss"]
        var rng = SystemRandomNumberGenerator()
        // Around midnight, month and year ends, a leap day, and random instants from 1992 to 2100.
        var instants: [TimeInterval] = [694_224_000 - 8 * 3600, 1_709_136_000 - 1, 1_709_136_000, 1_735_660_799, 1_735_660_800 - 8 * 3600,
                                        951_782_400, 4_102_444_800 - 1]
        instants += (0..<2000).map { _ in TimeInterval.random(in: 694_224_000...4_102_444_800, using: &rng).rounded(.down) + 0.75 }
        for t in instants {
            let date = Date(timeIntervalSince1970: t)
            for format in formats {
                XCTAssertEqual(ChinaTime.text(date, format), ChinaTime.formatted(date, format), "\(t) \(format)")
            }
        }
    }

    func testEarlierInstantsStillFormat() {
        let date = Date(timeIntervalSince1970: 600_000_000) // 1989, when China kept summer time
        XCTAssertEqual(ChinaTime.text(date, "yyyy-MM-dd HH:mm"), ChinaTime.formatted(date, "yyyy-MM-dd HH:mm"))
    }

    /// Screens say `12-03 14:45`; the year only when it is not this year's.
    func testOnScreenTimesCarryTheYearOnlyWhenItDiffers() {
        let now = TestApp.today // 2026-11-22 08:00 China
        XCTAssertEqual(ChinaTime.onScreen(now + 6 * 3600 + 45 * 60, now: now), "11-22 14:45")
        XCTAssertEqual(ChinaTime.onScreen(now - 365 * 86_400, now: now), "2025-11-22 08:00")
        XCTAssertEqual(ChinaTime.onScreen(now + 59, now: now, seconds: true), "11-22 08:00:59")
    }
}
