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
        clock.advance(.milliseconds(4999))
        XCTAssertEqual(cache.value(for: "a"), 1)
        clock.advance(.milliseconds(1))
        XCTAssertNil(cache.value(for: "a"))
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
