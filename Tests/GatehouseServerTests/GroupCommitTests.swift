import Fluent
import Foundation
@testable import GatehouseServer
import NIOConcurrencyHelpers
import SQLKit
import XCTVapor

/// The group commit's promises on SQLite: jobs that queue during a commit share the next transaction, run in the
/// order they came, each caller gets its own result or its own error, and a failed job leaves nothing behind.
final class GroupCommitTests: XCTestCase {
    private struct Row: Decodable { let seq: Int; let note: String }

    private func probe(_ app: Application) async throws -> [Row] {
        try await (app.db as! any SQLDatabase).raw("SELECT seq, note FROM gc_probe ORDER BY seq").all(decoding: Row.self)
    }

    private static func insert(_ note: String, _ tx: any Database) async throws {
        try await (tx as! any SQLDatabase).raw("INSERT INTO gc_probe (note) VALUES (\(bind: note))").run()
    }

    /// Starts one job per note, each only after the one before is queued, while the writer is held elsewhere.
    private func queue(_ notes: [String], on app: Application, _ commit: GroupCommit,
                       job: @escaping @Sendable (String, any Database) async throws -> String) async throws -> [Task<String, any Error>] {
        var tasks: [Task<String, any Error>] = []
        for (i, note) in notes.enumerated() {
            let db = app.db
            tasks.append(Task { try await commit.write(on: db) { tx in try await job(note, tx) } })
            // The first job is taken at once (its batch then waits for the writer); the others queue behind it.
            var waited = 0
            while (i == 0 ? commit.taken < 1 : commit.pending < i), waited < 5000 {
                try await Task.sleep(nanoseconds: 1_000_000)
                waited += 1
            }
            XCTAssertEqual(commit.taken, 1)
            XCTAssertEqual(commit.pending, i)
        }
        return tasks
    }

    func testJobsQueuedDuringACommitShareOneTransactionInOrderWithTheirOwnResults() async throws {
        try await TestApp.run(database: .sqliteMemory) { app in
            try await (app.db as! any SQLDatabase).raw("CREATE TABLE gc_probe (seq INTEGER PRIMARY KEY AUTOINCREMENT, note TEXT UNIQUE)").run()
            let commit = GroupCommit()
            await AsyncLock.sqliteWriter.lock() // another write transaction is under way
            let notes = (0..<20).map { "n\($0)" }
            let tasks = try await queue(notes, on: app, commit) { note, tx in
                try await Self.insert(note, tx)
                return "done " + note
            }
            await AsyncLock.sqliteWriter.unlock()
            for (task, note) in zip(tasks, notes) {
                let value = try await task.value
                XCTAssertEqual(value, "done " + note, "each caller gets its own result")
            }
            let rows = try await probe(app)
            XCTAssertEqual(rows.map(\.note), notes, "stored in the order they came")
            let stats = commit.statistics
            XCTAssertEqual(stats.jobs, 20)
            XCTAssertEqual(stats.batches, 2, "the first job alone, then the 19 that queued behind it together")
            XCTAssertEqual(stats.largest, 19)
        }
    }

    func testAFailingJobIsRolledBackAloneAndItsErrorGoesToItsCaller() async throws {
        try await TestApp.run(database: .sqliteMemory) { app in
            try await (app.db as! any SQLDatabase).raw("CREATE TABLE gc_probe (seq INTEGER PRIMARY KEY AUTOINCREMENT, note TEXT UNIQUE)").run()
            let commit = GroupCommit()
            await AsyncLock.sqliteWriter.lock()
            // "b" writes a row and then fails; "dup" breaks the unique note of "a".
            let tasks = try await queue(["first", "a", "b", "dup", "c"], on: app, commit) { note, tx in
                switch note {
                case "b":
                    try await Self.insert("b-partial", tx)
                    throw Abort(.conflict, reason: "b refused")
                case "dup":
                    try await Self.insert("a", tx)
                default:
                    try await Self.insert(note, tx)
                }
                return note
            }
            await AsyncLock.sqliteWriter.unlock()
            var outcomes: [String] = []
            for task in tasks {
                do { outcomes.append(try await task.value) } catch let abort as Abort { outcomes.append("error \(abort.reason)") } catch {
                    outcomes.append("error db")
                }
            }
            XCTAssertEqual(outcomes, ["first", "a", "error b refused", "error db", "c"])
            let rows = try await probe(app)
            XCTAssertEqual(rows.map(\.note), ["first", "a", "c"], "nothing of the failed jobs is stored")
        }
    }

    func testPassagesShareOneInsertAndEachCallerHearsOfItsOwnRow() async throws {
        try await TestApp.run { app in
            let g = try await GateFixture.make(app)
            let operatorID = try await User.query(on: app.db).filter(\.$checkpointID == g.f.gateA.id!).first()!.id!
            func passage(_ requestID: UUID, gate: Checkpoint, community: Community, checkpointID: UUID? = nil) -> Passage {
                let p = Passage()
                p.id = UUID()
                p.communityID = community.id!
                p.$checkpoint.id = checkpointID ?? gate.id!
                p.$operatorUser.id = operatorID
                p.direction = "in"; p.mode = "pass"; p.readings = "365@0"; p.temperatureTenths = 365; p.status = "normal"
                p.decision = "allow"; p.reasons = ""; p.wearsMask = true; p.awaitingRemeasure = false; p.nameMasked = "—"
                p.phoneMasked = ""; p.recordedAt = Date(); p.clientRequestID = requestID; p.updatedAt = Date()
                return p
            }
            try await (app.db as! any SQLDatabase).update("communities").set("stood_down_at", to: Date())
                .where("id", .equal, g.f.communityB.id!).run()
            let repeated = UUID()
            let jobs: [(String, Passage, Bool)] = [
                ("first", passage(UUID(), gate: g.f.gateA, community: g.f.communityA), false),
                ("a", passage(repeated, gate: g.f.gateA, community: g.f.communityA), false),
                ("again", passage(repeated, gate: g.f.gateA, community: g.f.communityA), false),
                ("stood down", passage(UUID(), gate: g.f.gateB, community: g.f.communityB), false),
                ("no such gate", passage(UUID(), gate: g.f.gateA, community: g.f.communityA, checkpointID: UUID()), false),
                ("counts", passage(UUID(), gate: g.f.gateA, community: g.f.communityA), true),
                ("last", passage(UUID(), gate: g.f.gateA, community: g.f.communityA), false),
            ]
            let commit = GroupCommit()
            let seen = NIOLockedValueBox(-1)
            // The first job holds its batch open until every other job has queued behind it.
            let (hold, release) = AsyncStream.makeStream(of: Void.self)
            var tasks: [Task<Bool, any Error>] = []
            for (i, (_, p, readsFirst)) in jobs.enumerated() {
                let db = app.db
                let record = PassageRecord(p.values, on: db)
                tasks.append(Task {
                    try await commit.insertPassage(on: db, readsFirst: readsFirst) { tx in
                        if i == 0 { for await _ in hold { break } }
                        if readsFirst {
                            let n = try await (tx as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM passages").first()!.decode(column: "n", as: Int.self)
                            seen.withLockedValue { $0 = n }
                        }
                        return record
                    }
                })
                while (i == 0 ? commit.taken < 1 : commit.pending < i) { try await Task.sleep(nanoseconds: 1_000_000) }
            }
            release.yield()
            var outcomes: [String] = []
            for (task, job) in zip(tasks, jobs) {
                do { outcomes.append("\(job.0): \(try await task.value)") } catch { outcomes.append("\(job.0): error") }
            }
            XCTAssertEqual(outcomes, ["first: true", "a: true", "again: false", "stood down: false", "no such gate: error",
                                      "counts: true", "last: true"])
            XCTAssertEqual(seen.withLockedValue { $0 }, 2, "a job that reads sees every row before it")
            let stored = try await Passage.query(on: app.db).sort(\.$recordedAt).all().map(\.id!)
            XCTAssertEqual(Set(stored), Set([0, 1, 5, 6].map { jobs[$0].1.id! }))
            XCTAssertEqual(commit.statistics.batches, 2)
        }
    }

    /// With several lanes (PostgreSQL: two) one batch runs while another's is under way; a passage that counts the
    /// rows before it (the outing quota) still sees every row prepared before it, whichever lane wrote it.
    func testAPassageThatReadsFirstSeesEveryRowPreparedBeforeItOnEveryLane() async throws {
        try await TestApp.run { app in
            let g = try await GateFixture.make(app)
            let operatorID = try await User.query(on: app.db).filter(\.$checkpointID == g.f.gateA.id!).first()!.id!
            let commit = app.gatehouse.groupCommit
            let prepared = NIOLockedValueBox(0)
            let mismatches = NIOLockedValueBox<[String]>([])
            let db = app.db
            try await withThrowingTaskGroup(of: Bool.self) { group in
                for i in 0..<240 {
                    let p = Passage()
                    p.id = UUID(); p.communityID = g.f.communityA.id!; p.$checkpoint.id = g.f.gateA.id!
                    p.$operatorUser.id = operatorID
                    p.direction = "out"; p.mode = "pass"; p.readings = "365@0"; p.temperatureTenths = 365
                    p.status = "normal"; p.decision = "allow"; p.reasons = ""; p.wearsMask = true
                    p.awaitingRemeasure = false; p.nameMasked = "—"; p.phoneMasked = ""; p.recordedAt = Date()
                    p.clientRequestID = UUID(); p.updatedAt = Date()
                    let record = PassageRecord(p.values, on: db)
                    let readsFirst = i % 12 == 11
                    group.addTask {
                        try await commit.insertPassage(on: db, readsFirst: readsFirst) { tx in
                            if readsFirst {
                                let before = prepared.withLockedValue { $0 }
                                let n = try await (tx as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM passages")
                                    .first()!.decode(column: "n", as: Int.self)
                                if n != before { mismatches.withLockedValue { $0.append("saw \(n) of \(before)") } }
                            }
                            prepared.withLockedValue { $0 += 1 }
                            return record
                        }
                    }
                    if i % 6 == 0 { await Task.yield() }
                }
                for try await inserted in group { XCTAssertTrue(inserted) }
            }
            XCTAssertEqual(mismatches.withLockedValue { $0 }, [])
            let stored = try await Passage.query(on: app.db).count()
            XCTAssertEqual(stored, 240)
        }
    }

    func testConcurrentPassagesAreAllStoredAndARetriedRequestIsStoredOnce() async throws {
        try await TestApp.run { app in
            let g = try await GateFixture.make(app)
            let retried = g.body(36.5, requestID: UUID())
            let bodies = [retried, retried] + (0..<10).map { _ in g.body(36.6, id: GateFixture.otherID, requestID: UUID()) }
            let ids = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
                for (i, body) in bodies.enumerated() {
                    let request = Unchecked(value: (g.guardA, body))
                    group.addTask {
                        let (client, body) = request.value
                        return (i, try await client.send(.POST, "/api/v1/passages", json: body).json()["id"] as? String)
                    }
                }
                var ids = Array(repeating: String?.none, count: bodies.count)
                for try await (i, id) in group { ids[i] = id }
                return ids
            }
            XCTAssertTrue(ids.allSatisfy { $0 != nil }, "every request answered with its passage")
            XCTAssertEqual(ids[0], ids[1], "the retry gets the first record")
            XCTAssertEqual(Set(ids).count, 11)
            let stored = try await Passage.query(on: app.db).count()
            XCTAssertEqual(stored, 11)
        }
    }
}

/// Hands test values that are only read to concurrent tasks.
private struct Unchecked<T>: @unchecked Sendable {
    let value: T
}
