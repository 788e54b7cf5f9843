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
        XCTAssertEqual(ea?.frame, "id: \(ea!.id!)\nevent: passage\ndata: {\"n\":1}\n\n", "published events carry their id")
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

    /// A screen that reconnects with the id of the last event it saw is sent every event it missed, then the live
    /// ones; ids keep increasing within a millisecond and across a restart of the hub.
    func testAScreenThatReconnectsMissesNothing() async {
        let start = Date(timeIntervalSince1970: 1_795_305_600)
        let hub = InProcessLiveUpdates(now: { start })
        let gate = UUID()
        let first = await hub.subscribe(.checkpoint(gate), heartbeatSeconds: 3600)
        await hub.publish(LiveEvent(type: "passage", json: "{\"n\":1}"), to: .checkpoint(gate))
        var it = first.stream.makeAsyncIterator()
        let seen = await it.next()
        await hub.unsubscribe(first)
        let stillWatched = await hub.isWatched([.checkpoint(gate)])
        XCTAssertTrue(stillWatched, "a screen that just went away may come back: its gate's passages are still kept")
        // The connection is down: a fever alert and a passage are published meanwhile, and one on another gate.
        await hub.publish(LiveEvent(type: "alert", json: "{\"fever\":true}"), to: .checkpoint(gate))
        await hub.publish(LiveEvent(type: "passage", json: "{\"n\":2}"), to: .checkpoint(gate))
        await hub.publish(LiveEvent(type: "passage", json: "{\"other\":true}"), to: .checkpoint(UUID()))
        let again = await hub.subscribe(.checkpoint(gate), heartbeatSeconds: 3600, after: seen?.id)
        await hub.publish(LiveEvent(type: "passage", json: "{\"n\":3}"), to: .checkpoint(gate))
        var next = again.stream.makeAsyncIterator()
        var got: [String] = []
        for _ in 0..<3 { if let e = await next.next() { got.append(e.json) } }
        XCTAssertEqual(got, ["{\"fever\":true}", "{\"n\":2}", "{\"n\":3}"], "the missed ones in order, then the live one")
        await hub.unsubscribe(again)
        let fresh = await hub.subscribe(.checkpoint(gate), heartbeatSeconds: 3600)
        await hub.publish(LiveEvent(type: "passage", json: "{\"n\":4}"), to: .checkpoint(gate))
        var live = fresh.stream.makeAsyncIterator()
        let only = await live.next()
        XCTAssertEqual(only?.json, "{\"n\":4}", "without Last-Event-ID: from now on only")
        await hub.unsubscribe(fresh)

        var ids = LiveEventIDs()
        let a = ids.next(at: start), b = ids.next(at: start)
        var restarted = LiveEventIDs()
        let c = restarted.next(at: start + 1)
        XCTAssertLessThan(a, b)
        XCTAssertLessThan(b, c, "a restarted hub's ids are still later")
    }

    /// The hub keeps a bounded number of events per channel.
    func testOnlyTheLatestEventsAreKept() async {
        let hub = InProcessLiveUpdates(kept: 3)
        let gate = UUID()
        for n in 1...5 { await hub.publish(LiveEvent(type: "passage", json: "{\"n\":\(n)}"), to: .checkpoint(gate)) }
        let sub = await hub.subscribe(.checkpoint(gate), heartbeatSeconds: 3600, after: 0)
        var it = sub.stream.makeAsyncIterator()
        var got: [String] = []
        for _ in 0..<3 { if let e = await it.next() { got.append(e.json) } }
        XCTAssertEqual(got, ["{\"n\":3}", "{\"n\":4}", "{\"n\":5}"])
        await hub.unsubscribe(sub)
    }
}
