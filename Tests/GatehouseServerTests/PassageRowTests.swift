import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import SQLKit
import XCTVapor

/// `Passage.read` (the record list's plain-SQL reading) gives the same model as Fluent's own decoding.
final class PassageRowTests: XCTestCase {
    func testAPassageReadFromARowEqualsTheOneFluentReads() async throws {
        try await TestApp.run(clock: FixedWallClock(TestApp.today + 0.1234567891)) { app in
            let w = try await world(app)
            let passes = try await householdPasses(app, w)
            var body = w.g.body(36.6, id: nil, direction: "out")
            body["passCode"] = try await token(w, passes["8栋1单元101室"]!)
            let byPass = try await w.g.guardA.send(.POST, "/api/v1/passages", json: body)
            XCTAssertEqual(byPass.status, .created, byPass.body.string)
            // A fever awaiting its re-measure, without a mask, and one with the gate's own clock time.
            let fever = try await w.g.guardA.send(.POST, "/api/v1/passages", json: w.g.body(38.2, mask: false))
            XCTAssertEqual(fever.status, .created, fever.body.string)
            let abnormal = try await Passage.query(on: app.db).filter(\.$status == "abnormal").first()
            let timed = try XCTUnwrap(abnormal)
            timed.clientTime = timed.recordedAt - 42.5
            try await timed.save(on: app.db)

            let fluent = try await Passage.query(on: app.db).all()
            XCTAssertEqual(fluent.count, 2)
            XCTAssertTrue(fluent.contains { $0.passID != nil && $0.householdID != nil })
            let rows = try await (app.db as! any SQLDatabase).raw("SELECT * FROM passages").all()
            for row in rows {
                let mine = try Passage.read(row)
                let theirs = try XCTUnwrap(fluent.first { $0.id == mine.id })
                XCTAssertTrue(mine.$id.exists)
                func same<T: Equatable>(_ path: KeyPath<Passage, T>, _ label: String) {
                    XCTAssertEqual(mine[keyPath: path], theirs[keyPath: path], label)
                }
                same(\.communityID, "community"); same(\.$checkpoint.id, "checkpoint"); same(\.$operatorUser.id, "operator")
                same(\.$person.id, "person"); same(\.householdID, "household"); same(\.passID, "pass")
                same(\.registrationID, "registration"); same(\.direction, "direction"); same(\.mode, "mode")
                same(\.readings, "readings"); same(\.temperatureTenths, "temperature"); same(\.status, "status")
                same(\.decision, "decision"); same(\.reasons, "reasons"); same(\.wearsMask, "mask")
                same(\.awaitingRemeasure, "awaiting"); same(\.nameMasked, "name"); same(\.phoneMasked, "phone")
                same(\.clientRequestID, "request")
                XCTAssertEqual(mine.recordedAt.timeIntervalSince1970, theirs.recordedAt.timeIntervalSince1970, accuracy: 1e-6)
                XCTAssertEqual(mine.updatedAt.timeIntervalSince1970, theirs.updatedAt.timeIntervalSince1970, accuracy: 1e-6)
                XCTAssertEqual(mine.clientTime?.timeIntervalSince1970 ?? -1, theirs.clientTime?.timeIntervalSince1970 ?? -1, accuracy: 1e-6)
            }
            XCTAssertEqual(Set(rows.map { try! Passage.read($0).clientTime == nil }), [true, false])
        }
    }
}
