import Foundation
import GatehouseCore
import XCTest

final class QuarantineRulesTests: XCTestCase {
    private func day(_ text: String) -> CalendarDate { CalendarDate(parsing: text)! }

    func testPeriodLimits() throws {
        let today = day("2026-11-22")
        XCTAssertThrowsError(try QuarantinePeriod(start: day("2026-11-07"), end: day("2026-11-30"), today: today)) {
            XCTAssertEqual($0 as? QuarantinePeriodError, .startOutOfRange)
        }
        XCTAssertThrowsError(try QuarantinePeriod(start: day("2026-11-22"), end: day("2026-11-21"), today: today)) {
            XCTAssertEqual($0 as? QuarantinePeriodError, .endBeforeStart)
        }
        XCTAssertThrowsError(try QuarantinePeriod(start: day("2026-11-22"), end: day("2027-01-21"), today: today)) {
            XCTAssertEqual($0 as? QuarantinePeriodError, .tooLong)
        }
        XCTAssertThrowsError(try QuarantinePeriod(start: day("2026-11-10"), end: day("2026-11-21"), today: today)) {
            XCTAssertEqual($0 as? QuarantinePeriodError, .alreadyOver)
        }
        let p = try QuarantinePeriod(start: day("2026-11-22"), end: day("2026-12-05"), today: today)
        XCTAssertTrue(p.isInForce(on: day("2026-12-05")))
        XCTAssertFalse(p.isInForce(on: day("2026-12-06")))
        XCTAssertTrue(p.isOver(on: day("2026-12-06")))
        XCTAssertEqual(p.daysLeft(on: today), 14)
        XCTAssertEqual(p.daysLeft(on: day("2026-11-20")), 14, "an order ahead counts from its first day")
        XCTAssertThrowsError(try p.extended(to: day("2026-12-05")))
        XCTAssertEqual(try p.extended(to: day("2026-12-12")).end, day("2026-12-12"))
    }

    func testRoundsCountMissedHalfDays() {
        let first = HealthRound(day: day("2026-11-22"), half: .afternoon)
        let now = HealthRound(day: day("2026-11-24"), half: .morning)
        let reported: Set<HealthRound> = [HealthRound(day: day("2026-11-23"), half: .morning)]
        let r = QuarantineRounds(first: first, lastDay: day("2026-11-30"), reported: reported, now: now)
        XCTAssertEqual(r.missed.map(\.description), ["2026-11-22-pm", "2026-11-23-pm"])
        XCTAssertTrue(r.dueNow)
        let after = QuarantineRounds(first: first, lastDay: day("2026-11-23"), reported: reported, now: now)
        XCTAssertFalse(after.dueNow, "the period is over")
        XCTAssertEqual(HealthRound(parsing: "2026-11-23-pm"), HealthRound(day: day("2026-11-23"), half: .afternoon))
        XCTAssertNil(HealthRound(parsing: "2026-11-23-xx"))
        // 2026-11-22 04:00 UTC is 12:00 in China: the afternoon round.
        XCTAssertEqual(HealthRound(Date(timeIntervalSince1970: 1_795_305_600 + 4 * 3600)).half, .afternoon)
        XCTAssertEqual(HealthRound(Date(timeIntervalSince1970: 1_795_305_600 + 3 * 3600)).half, .morning)
    }
}
