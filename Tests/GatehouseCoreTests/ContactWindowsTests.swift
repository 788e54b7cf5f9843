import Foundation
import GatehouseCore
import XCTest

final class ContactWindowsTests: XCTestCase {
    func testOverlappingWindowsAtOneGateMerge() {
        let a = UUID(), b = UUID()
        let t = Date(timeIntervalSince1970: 1_795_305_600)
        let w = ContactWindows.windows(around: [(a, t), (a, t + 600), (a, t + 7200), (b, t)], minutes: 15)
        XCTAssertEqual(w.count, 3)
        let merged = w.first { $0.checkpoint == a && $0.start == t - 900 }
        XCTAssertEqual(merged?.end, t + 600 + 900)
        XCTAssertEqual(ContactWindows.minutesApart(t + 300, checkpoint: a, from: [(a, t), (a, t + 7200)]), 5)
    }
}
