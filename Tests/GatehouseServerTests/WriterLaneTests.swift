import Fluent
import FluentPostgresDriver
import Foundation
@testable import GatehouseServer
import GatehouseStore
import NIOConcurrencyHelpers
import SQLKit
import XCTVapor

/// On a SQLite file the group commit's batches run on the writer's own lane: its own loop and connection, the
/// same rows as anywhere else and the same cache invalidation (the lane's own promises are the store's tests).
final class WriterLaneTests: XCTestCase {
    private func file() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("gatehouse-lane-\(UUID().uuidString).sqlite").path
    }

    private func passage(_ g: GateFixture, operatorID: UUID, at time: Date) -> Passage {
        let p = Passage()
        p.id = UUID()
        p.communityID = g.f.communityA.id!
        p.$checkpoint.id = g.f.gateA.id!
        p.$operatorUser.id = operatorID
        p.direction = .out; p.mode = "pass"; p.readings = "365@0"; p.temperatureTenths = 365; p.status = .normal
        p.decision = "allow"; p.reasons = "mask"; p.wearsMask = false; p.awaitingRemeasure = true; p.nameMasked = "张*"
        p.phoneMasked = "138****0001"; p.recordedAt = time; p.clientTime = time.addingTimeInterval(-1.25)
        p.clientRequestID = UUID(); p.updatedAt = time
        return p
    }

    func testPassagesRunOnTheLaneAndAreStoredAsFluentStoresThem() async throws {
        try await passagesRunOnTheLane(.sqliteFile(path: file()))
    }

    func testOnPostgreSQLPassagesRunOnTheLaneToo() async throws {
        guard case .postgres = TestApp.databaseChoice else { throw XCTSkip("PostgreSQL only (GATEHOUSE_TEST_DATABASE_URL)") }
        try await passagesRunOnTheLane(TestApp.databaseChoice)
    }

    func testOnPostgreSQLALostConnectionIsReplacedAfterOneFailedBatch() async throws {
        guard case .postgres = TestApp.databaseChoice else { throw XCTSkip("PostgreSQL only (GATEHOUSE_TEST_DATABASE_URL)") }
        try await TestApp.run { app in
            let g = try await GateFixture.make(app)
            let commit = app.gatehouse.groupCommit
            let operatorID = try await User.query(on: app.db).filter(\.$checkpointID == g.f.gateA.id!).first()!.id!
            let db = app.db
            func insert() async throws -> Bool {
                let record = PassageRecord(passage(g, operatorID: operatorID, at: Date()).values, on: db)
                return try await commit.insert(on: db, readsFirst: false) { _ in record }
            }
            let first = try await insert()
            XCTAssertTrue(first)
            // The server ends every other session, the lane's held connection with them (as a restart would).
            try await (db as! any SQLDatabase).raw("""
                SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid()
                """).run()
            var outcomes: [Bool] = []
            for _ in 0..<3 { outcomes.append((try? await insert()) ?? false) }
            XCTAssertEqual(outcomes.suffix(2), [true, true], "after at most one failed batch the lane writes again")
        }
    }

    func testOnPostgreSQLAWriteWhoseConnectionClosesUnderItFailsInsteadOfWaitingForever() async throws {
        guard case .postgres = TestApp.databaseChoice else { throw XCTSkip("PostgreSQL only (GATEHOUSE_TEST_DATABASE_URL)") }
        try await TestApp.run { app in
            let lane = try XCTUnwrap(app.gatehouse.groupCommit.writerLanes.first)
            let select: @Sendable (any Database) async throws -> Void = { db in try await (db as! any SQLDatabase).raw("SELECT 1").run() }
            try await lane.write(inTransaction: false, select)
            // The connection closes between two statements of a write (PostgresNIO never answers a statement written
            // after the connection was closed from this side): the write fails, and the lane goes on on a new one.
            let outcome = await Self.within(seconds: 30) {
                try await lane.write(inTransaction: false) { db in
                    try await (db as! any PostgresDatabase).withConnection { $0.close() }.get()
                    try await select(db)
                }
            }
            switch outcome {
            case nil:
                // The lane's shutdown would wait for that write for ever too: end here, saying why.
                preconditionFailure("the write still waits 30 s after its connection closed")
            case .success?: XCTFail("a statement on a closed connection cannot succeed")
            case .failure(let error)?: XCTAssertTrue(error is ConnectionLossWatch.Lost, "\(error)")
            }
            let after = await Self.within(seconds: 30) { try await lane.write(inTransaction: true, select) }
            guard case .success? = after else { return XCTFail("the next write did not run: \(String(describing: after))") }
            // The passage insert itself does not write to a connection already closed.
            let db = app.db
            let refused = await Self.within(seconds: 30) {
                _ = try await db.withConnection { connection in
                    try await (connection as! any PostgresDatabase).withConnection { $0.close() }.get()
                    return try await PassageRecord.insert([], on: connection as! any SQLDatabase)
                }
            }
            guard let refused else { preconditionFailure("the insert still waits 30 s on a closed connection") }
            XCTAssertThrowsError(try refused.get()) { XCTAssertTrue($0 is ConnectionLossWatch.Lost, "\($0)") }
        }
    }

    /// `work`'s outcome, or nil if it has not ended within `seconds` (it is then left running).
    private static func within(seconds: Double, _ work: @escaping @Sendable () async throws -> Void) async -> Result<Void, any Error>? {
        let ended = NIOLockedValueBox(false)
        return await withCheckedContinuation { (continuation: CheckedContinuation<Result<Void, any Error>?, Never>) in
            let finish: @Sendable (Result<Void, any Error>?) -> Void = { outcome in
                guard ended.withLockedValue({ done in defer { done = true }; return !done }) else { return }
                continuation.resume(returning: outcome)
            }
            Task { do { try await work(); finish(.success(())) } catch { finish(.failure(error)) } }
            Task { try? await Task.sleep(for: .seconds(seconds)); finish(nil) }
        }
    }

    private func passagesRunOnTheLane(_ database: DatabaseChoice) async throws {
        try await TestApp.run(database: database) { app in
            let g = try await GateFixture.make(app)
            let commit = app.gatehouse.groupCommit
            let lanes = commit.writerLanes
            XCTAssertFalse(lanes.isEmpty, "a SQLite file and PostgreSQL have a writer lane")
            let operatorID = try await User.query(on: app.db).filter(\.$checkpointID == g.f.gateA.id!).first()!.id!
            let start = Date(timeIntervalSince1970: 1_795_305_600.123456789)
            let passages = (0..<12).map { passage(g, operatorID: operatorID, at: start.addingTimeInterval(Double($0))) }
            let onLane = NIOLockedValueBox<[Bool]>([])
            let db = app.db
            let inserted = try await withThrowingTaskGroup(of: Bool.self) { group in
                for p in passages {
                    let record = PassageRecord(p.values, on: db)
                    group.addTask {
                        try await commit.insert(on: db, readsFirst: false) { _ in
                            onLane.withLockedValue { $0.append(lanes.contains { $0.executor.loop.inEventLoop }) }
                            return record
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            XCTAssertEqual(inserted, Array(repeating: true, count: 12))
            XCTAssertEqual(onLane.withLockedValue { $0 }, Array(repeating: true, count: 12), "the batches run on the lane's loop")
            let stored = try await Passage.query(on: app.db).sort(\.$recordedAt).all()
            XCTAssertEqual(stored.map(\.id), passages.map(\.id))
            for (s, p) in zip(stored, passages) {
                XCTAssertEqual(s.communityID, p.communityID)
                XCTAssertEqual(s.$checkpoint.id, p.$checkpoint.id)
                XCTAssertEqual(s.$operatorUser.id, p.$operatorUser.id)
                XCTAssertNil(s.$person.id)
                XCTAssertNil(s.householdID)
                XCTAssertEqual(s.clientRequestID, p.clientRequestID)
                XCTAssertEqual(s.direction, p.direction)
                XCTAssertEqual(s.status, p.status)
                for keyPath in [\Passage.mode, \.readings, \.decision, \.reasons, \.nameMasked, \.phoneMasked] {
                    XCTAssertEqual(s[keyPath: keyPath], p[keyPath: keyPath])
                }
                XCTAssertEqual(s.temperatureTenths, 365)
                XCTAssertEqual(s.wearsMask, false)
                XCTAssertEqual(s.awaitingRemeasure, true)
                XCTAssertEqual(s.recordedAt.timeIntervalSince1970, p.recordedAt.timeIntervalSince1970, accuracy: 1e-6)
                XCTAssertEqual(s.clientTime!.timeIntervalSince1970, p.clientTime!.timeIntervalSince1970, accuracy: 1e-6)
                XCTAssertEqual(s.updatedAt.timeIntervalSince1970, p.updatedAt.timeIntervalSince1970, accuracy: 1e-6)
            }
            // The same request id again is not a second row.
            let again = passage(g, operatorID: operatorID, at: start)
            again.clientRequestID = passages[3].clientRequestID
            let record = PassageRecord(again.values, on: db)
            let second = try await commit.insert(on: db, readsFirst: false) { _ in record }
            XCTAssertFalse(second)
            let count = try await Passage.query(on: app.db).count()
            XCTAssertEqual(count, 12)
        }
    }

    func testAChangeWrittenThroughTheLaneEmptiesTheHotPathCaches() async throws {
        try await TestApp.run(database: .sqliteFile(path: file())) { app in
            let w = try await world(app)
            let token = try await token(w, try await householdPasses(app, w)["8栋1单元101室"]!)
            var body = w.g.body(36.5, id: nil)
            body["passCode"] = token
            let first = try await w.g.guardA.send(.POST, "/api/v1/passages", json: body)
            XCTAssertEqual(first.status, .created, first.body.string)
            XCTAssertGreaterThanOrEqual(app.gatehouse.groupCommit.statistics.batches, 1, "the hot path wrote through the group commit")
            XCTAssertNotNil(app.gatehouse.hotPath.gates.value(for: w.g.f.gateA.id!))
            let communityID = w.g.f.communityA.id!
            try await app.gatehouse.groupCommit.write(on: app.db) { tx in
                let community = try await Community.find(communityID, on: tx)!
                community.feverThresholdTenths = 380
                try await community.save(on: tx)
            }
            XCTAssertNil(app.gatehouse.hotPath.gates.value(for: w.g.f.gateA.id!), "the lane's database runs the same middleware")
        }
    }
}
