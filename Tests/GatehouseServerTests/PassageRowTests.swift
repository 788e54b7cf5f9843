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
            let abnormal = try await Passage.query(on: app.db).filter(\.$status == .abnormal).first()
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

    /// The hot path's own insert (`PassageRecord`: values bound as `SQLiteData` on SQLite, column by column as arrays of a prepared statement on
    /// PostgreSQL) stores what Fluent stores for the same passage, to the microsecond and the last odd character.
    func testARowInsertedByTheHotPathEqualsTheOneFluentInserts() async throws {
        try await TestApp.run { app in
            let g = try await GateFixture.make(app)
            let operatorID = try await User.query(on: app.db).filter(\.$username == "guard.a").first()!.requireID()
            func passage(personless: Bool) -> Passage {
                let p = Passage()
                p.id = UUID()
                p.communityID = g.f.communityA.id!
                p.$checkpoint.id = g.f.gateA.id!
                p.$operatorUser.id = operatorID
                p.householdID = nil
                p.passID = nil
                p.registrationID = nil
                p.direction = .out; p.mode = "pass"; p.readings = "373@1795305600;366@1795305900"; p.temperatureTenths = 366
                p.status = .abnormal; p.decision = "refer"; p.reasons = "fever_remeasure,no_mask"; p.wearsMask = false
                p.awaitingRemeasure = true; p.nameMasked = "张*\"引号\" \\ 反斜杠\n（户）"; p.phoneMasked = "138****0000"
                p.recordedAt = Date(timeIntervalSince1970: 1_795_305_600.123456789)
                p.clientTime = personless ? nil : Date(timeIntervalSince1970: 1_795_305_541.5)
                p.clientRequestID = UUID()
                p.updatedAt = Date(timeIntervalSince1970: 1_795_305_900.999999)
                // An offline passage whose decision the server would have taken otherwise carries both.
                p.offline = !personless
                p.reviewDecision = personless ? nil : "deny"
                p.reviewReasons = personless ? nil : "pass_revoked,offline_unverified"
                return p
            }
            for personless in [true, false] {
                let byFluent = passage(personless: personless)
                try await byFluent.create(on: app.db)
                let byRecord = passage(personless: personless)
                let inserted = try await PassageRecord.insert([PassageRecord(byRecord.values, on: app.db)], on: app.db as! any SQLDatabase)
                XCTAssertEqual(inserted, [byRecord.id!])
                let a = try await Passage.find(byFluent.id, on: app.db)!.values
                var b = try await Passage.find(byRecord.id, on: app.db)!.values
                // Times exactly (a `Date` describes itself in whole seconds), then every other field.
                XCTAssertEqual(b.recordedAt.timeIntervalSince1970, a.recordedAt.timeIntervalSince1970)
                XCTAssertEqual(b.updatedAt.timeIntervalSince1970, a.updatedAt.timeIntervalSince1970)
                XCTAssertEqual(b.clientTime?.timeIntervalSince1970, a.clientTime?.timeIntervalSince1970)
                XCTAssertNotEqual(a.recordedAt.timeIntervalSince1970.truncatingRemainder(dividingBy: 1), 0)
                b.id = a.id
                b.clientRequestID = a.clientRequestID
                XCTAssertEqual(String(describing: b), String(describing: a))
            }
        }
    }
}
