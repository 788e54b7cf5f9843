import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import SQLKit
import XCTVapor

/// Each scheduled step runs on one instance at a time: on PostgreSQL a second runner is turned away while the first
/// holds the step, and takes it once it is released; the day's purge runs once whoever ticks again.
final class ScheduledStepLockTests: XCTestCase {
    func testOneRunnerAtATime() async throws {
        try await TestApp.run { app in
            let lock = ScheduledStepLock(db: app.db)
            let onPostgres = (app.db as! any SQLDatabase).dialect.name != "sqlite"
            let (entered, enteredGo) = AsyncStream<Void>.makeStream()
            let (release, releaseGo) = AsyncStream<Void>.makeStream()
            let first = Task {
                try await lock.run("test-step") {
                    enteredGo.yield()
                    for await _ in release { break }
                }
            }
            for await _ in entered { break }
            let second = try await lock.run("test-step") {}
            XCTAssertEqual(second, !onPostgres, "PostgreSQL turns the second runner away; SQLite has one process")
            let other = try await lock.run("another-step") {}
            XCTAssertTrue(other, "another step is not held")
            releaseGo.yield()
            let firstRan = try await first.value
            XCTAssertTrue(firstRan)
            let after = try await lock.run("test-step") {}
            XCTAssertTrue(after, "released: the next tick takes it")
            XCTAssertNotEqual(ScheduledStepLock.key("test-step"), ScheduledStepLock.key("another-step"))
        }
    }

    func testTheDaysPurgeRunsOnceWhoeverTicks() async throws {
        let clock = FixedWallClock(TestApp.today + 20 * 3600) // 2026-11-23 04:00 China
        try await TestApp.run(clock: clock) { app in
            _ = try await Fixture.make(app)
            let communities = try await Community.query(on: app.db).count()
            try await ScheduledSteps.purgeOncePerDay(services: app.gatehouse, db: app.db, logger: app.logger)
            try await ScheduledSteps.purgeOncePerDay(services: app.gatehouse, db: app.db, logger: app.logger)
            let runs = try await PurgeRun.query(on: app.db).count()
            XCTAssertEqual(runs, communities, "one run per community, not two")
            clock.advance(by: 86_400)
            try await ScheduledSteps.purgeOncePerDay(services: app.gatehouse, db: app.db, logger: app.logger)
            let next = try await PurgeRun.query(on: app.db).count()
            XCTAssertEqual(next, 2 * communities, "the next day's")
        }
    }
}
