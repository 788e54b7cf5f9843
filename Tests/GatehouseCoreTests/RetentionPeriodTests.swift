import Foundation
import GatehouseCore
import XCTest

final class RetentionPeriodTests: XCTestCase {
    func testThePeriodIsWholeDaysWithinLimitsAndDefaultsTo28() {
        XCTAssertEqual(RetentionPeriod.standard.days, 28)
        XCTAssertNil(RetentionPeriod(days: 6))
        XCTAssertNil(RetentionPeriod(days: 366))
        XCTAssertEqual(RetentionPeriod(days: 7)?.days, 7)
        XCTAssertEqual(RetentionPeriod(parsing: " 30 ")?.days, 30)
        XCTAssertNil(RetentionPeriod(parsing: "30天"))
        XCTAssertNil(RetentionPeriod(parsing: "2.5"))
        XCTAssertNil(RetentionPeriod(parsing: ""))
    }

    func testTheCutoffIsTheStartOfTheFirstKeptDayInChinaTime() {
        let today = CalendarDate(year: 2026, month: 12, day: 20)!
        let period = RetentionPeriod.standard
        XCTAssertEqual(period.firstKeptDay(today: today).description, "2026-11-22")
        // 2026-11-22 00:00 in China is 2026-11-21 16:00 UTC.
        XCTAssertEqual(period.cutoff(today: today), Date(timeIntervalSince1970: 1_795_305_600 - 8 * 3600))
        XCTAssertEqual(RetentionPeriod(days: 7)!.firstKeptDay(today: CalendarDate(year: 2027, month: 3, day: 2)!).description, "2027-02-23")
    }

    func testPurgeCountsAddUpPerTableAndSummariseOnlyWhatWasRemoved() {
        var counts = PurgeCounts()
        XCTAssertEqual(counts.summary, "0")
        counts.add(0, to: "card_reads")
        counts.add(3, to: "passages")
        counts.add(1, to: "persons")
        counts.add(2, to: "passages")
        XCTAssertEqual(counts["passages"], 5)
        XCTAssertEqual(counts["photos"], 0)
        XCTAssertEqual(counts.total, 6)
        XCTAssertEqual(counts.summary, "passages 5, persons 1")
        let decoded = try? JSONDecoder().decode(PurgeCounts.self, from: JSONEncoder().encode(counts))
        XCTAssertEqual(decoded, counts)
    }
}
