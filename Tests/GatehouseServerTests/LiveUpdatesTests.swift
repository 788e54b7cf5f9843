import Foundation
@testable import GatehouseServer
import XCTest

final class LiveUpdatesTests: XCTestCase {
    func testEventsReachOnlyTheirChannelAndSubscriptionsEnd() async {
        let hub = InProcessLiveUpdates()
        let a = UUID(), b = UUID()
        let subA = await hub.subscribe(.checkpoint(a), heartbeatSeconds: 3600)
        let subB = await hub.subscribe(.checkpoint(b), heartbeatSeconds: 3600)
        await hub.publish(LiveEvent(type: "passage", json: "{\"n\":1}"), to: .checkpoint(a))
        await hub.publish(LiveEvent(type: "passage", json: "{\"n\":2}"), to: .checkpoint(b))
        var ia = subA.stream.makeAsyncIterator()
        var ib = subB.stream.makeAsyncIterator()
        let ea = await ia.next()
        let eb = await ib.next()
        XCTAssertEqual(ea?.json, "{\"n\":1}")
        XCTAssertEqual(eb?.json, "{\"n\":2}")
        XCTAssertEqual(ea?.frame, "event: passage\ndata: {\"n\":1}\n\n")
        await hub.unsubscribe(subA)
        let left = await hub.subscriberCount(.checkpoint(a))
        XCTAssertEqual(left, 0)
        let after = await ia.next()
        XCTAssertNil(after, "an ended subscription's stream finishes")
        await hub.unsubscribe(subB)
    }

    func testHeartbeatsKeepTheConnectionAlive() async {
        let hub = InProcessLiveUpdates()
        let sub = await hub.subscribe(.community(UUID()), heartbeatSeconds: 0.05)
        var it = sub.stream.makeAsyncIterator()
        let beat = await it.next()
        XCTAssertEqual(beat, .heartbeat)
        XCTAssertEqual(beat?.frame, ": heartbeat\n\n")
        await hub.unsubscribe(sub)
    }
}
