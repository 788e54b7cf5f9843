import Foundation
import GatehouseCore
import XCTest

final class DisinfectionDueTests: XCTestCase {
    func testANewScheduleIsDueAtOnceThenEveryInterval() {
        let created = Date(timeIntervalSince1970: 1_795_305_600)
        let fresh = DisinfectionDue(intervalMinutes: 240, createdAt: created, lastDone: nil, now: created + 600)
        XCTAssertTrue(fresh.isOverdue)
        XCTAssertEqual(fresh.minutesLate, 10)
        let done = DisinfectionDue(intervalMinutes: 240, createdAt: created, lastDone: created + 600, now: created + 3600)
        XCTAssertFalse(done.isOverdue)
        XCTAssertEqual(done.due, created + 600 + 14_400)
        XCTAssertEqual(done.minutesLate, 0)
        let late = DisinfectionDue(intervalMinutes: 240, createdAt: created, lastDone: created + 600, now: created + 600 + 14_400 + 1800)
        XCTAssertTrue(late.isOverdue)
        XCTAssertEqual(late.minutesLate, 30)
    }

    func testAnObservationRoomIsDueAtOnceAfterUse() {
        let created = Date(timeIntervalSince1970: 1_795_305_600)
        let used = DisinfectionDue(intervalMinutes: 1440, createdAt: created, lastDone: created + 600, lastUsed: created + 3600, now: created + 3700)
        XCTAssertTrue(used.isOverdue)
        XCTAssertEqual(used.due, created + 3600)
        let cleaned = DisinfectionDue(intervalMinutes: 1440, createdAt: created, lastDone: created + 4000, lastUsed: created + 3600, now: created + 4100)
        XCTAssertFalse(cleaned.isOverdue, "disinfected after the use")
    }
}
