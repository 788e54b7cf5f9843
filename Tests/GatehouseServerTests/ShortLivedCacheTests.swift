@testable import GatehouseServer
import NIOConcurrencyHelpers
import NIOCore
import XCTest

final class ShortLivedCacheTests: XCTestCase {
    private final class Clock: Sendable {
        let now = NIOLockedValueBox(NIODeadline.uptimeNanoseconds(1_000_000_000))
        func advance(_ amount: TimeAmount) { now.withLockedValue { $0 = $0 + amount } }
    }

    func testAnEntryLivesItsLifetimeAndNoLonger() {
        let clock = Clock()
        let cache = ShortLivedCache<String, Int>(lifetime: .seconds(5), now: { clock.now.withLockedValue { $0 } })
        cache.store(1, for: "a")
        clock.advance(.milliseconds(3499))
        XCTAssertEqual(cache.value(for: "a"), 1)
        clock.advance(.milliseconds(1500))
        _ = cache.value(for: "a") // late in its life: the one caller who refreshes it
        XCTAssertEqual(cache.value(for: "a"), 1, "everyone else still gets the entry")
        clock.advance(.milliseconds(1))
        XCTAssertNil(cache.value(for: "a"))
        XCTAssertNil(cache.value(for: "a"))
    }

    func testLateInItsLifeOneCallerRefreshesAnEntryWhileTheOthersStillGetIt() {
        let clock = Clock()
        let cache = ShortLivedCache<String, Int>(lifetime: .seconds(5), now: { clock.now.withLockedValue { $0 } })
        cache.store(1, for: "a")
        clock.advance(.milliseconds(3499))
        XCTAssertEqual((0..<32).map { _ in cache.value(for: "a") }, Array(repeating: 1, count: 32), "not yet late")
        clock.advance(.milliseconds(1000)) // 4.5 s: past the refresh moment (3.5 to 4.5 s)
        let answers = (0..<32).map { _ in cache.value(for: "a") }
        XCTAssertEqual(answers.filter { $0 == nil }.count, 1, "one caller reads it again")
        XCTAssertEqual(answers.compactMap { $0 }, Array(repeating: 1, count: 31))
        cache.store(2, for: "a") // what that caller read
        clock.advance(.milliseconds(3499)) // 8 s: the first entry's end is past, the new one lives on
        XCTAssertEqual(cache.value(for: "a"), 2)
    }

    func testKeysStoredTogetherAreRefreshedAtDifferentMoments() {
        let clock = Clock()
        let cache = ShortLivedCache<Int, Int>(lifetime: .seconds(5), now: { clock.now.withLockedValue { $0 } })
        for key in 0..<400 { cache.store(key, for: key) }
        clock.advance(.milliseconds(4000)) // halfway through the refresh moments' range
        let refreshing = (0..<400).filter { cache.value(for: $0) == nil }.count
        XCTAssertGreaterThan(refreshing, 100)
        XCTAssertLessThan(refreshing, 300)
    }

    func testRemoveAndAFullCacheStartAfresh() {
        let cache = ShortLivedCache<Int, Int>(lifetime: .seconds(5), capacity: 3)
        for i in 0..<3 { cache.store(i, for: i) }
        cache.remove(1)
        XCTAssertNil(cache.value(for: 1))
        cache.store(1, for: 1)
        cache.store(9, for: 9) // the fourth: the cache empties itself first
        XCTAssertEqual(cache.value(for: 9), 9)
        XCTAssertNil(cache.value(for: 0))
        cache.removeAll()
        XCTAssertNil(cache.value(for: 9))
    }

    func testALifetimeOfZeroKeepsNothing() {
        let cache = ShortLivedCache<String, Int>(lifetime: .zero)
        cache.store(1, for: "a")
        XCTAssertNil(cache.value(for: "a"))
    }
}
