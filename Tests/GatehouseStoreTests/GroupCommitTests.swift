import FluentKit
import Foundation
import GatehouseStore
import NIOConcurrencyHelpers
import SQLKit
import Testing

/// The group commit's promises, on SQLite with rows of a kind it knows nothing about: jobs that queue during a commit
/// share the next transaction, run in the order they came, each caller gets its own result or its own error, and a
/// failed job leaves nothing behind. Serialized: the tests hold the process's one SQLite writer lock.
@Suite(.serialized)
struct GroupCommitTests {
    struct Refused: Error {}

    private static func insert(_ note: String, _ tx: any Database) async throws {
        try await (tx as! any SQLDatabase).raw("INSERT INTO probe (id, note) VALUES (\(bind: UUID().uuidString), \(bind: note))").run()
    }

    /// Starts one job per item, each only after the one before is queued, while the first job's batch waits.
    private static func queue<T: Sendable, R: Sendable>(_ items: [T], _ commit: GroupCommit<ProbeRow>,
                                                         job: @escaping @Sendable (T) async throws -> R) async throws -> [Task<R, any Error>] {
        var tasks: [Task<R, any Error>] = []
        for (i, item) in items.enumerated() {
            tasks.append(Task { try await job(item) })
            // The first job is taken at once (its batch then waits); the others queue behind it.
            var waited = 0
            while (i == 0 ? commit.taken < 1 : commit.pending < i), waited < 5000 {
                try await Task.sleep(nanoseconds: 1_000_000)
                waited += 1
            }
            #expect(commit.taken == 1)
            #expect(commit.pending == i)
        }
        return tasks
    }

    @Test func jobsQueuedDuringACommitShareOneTransactionInOrderWithTheirOwnResults() async throws {
        try await StoreDatabase.withSQLite { db in
            try await (db as! any SQLDatabase).raw(ProbeRow.createTable).run()
            let commit = GroupCommit<ProbeRow>()
            await AsyncLock.sqliteWriter.lock() // another write transaction is under way
            let notes = (0..<20).map { "n\($0)" }
            let tasks = try await Self.queue(notes, commit) { note in
                try await commit.write(on: db) { tx in
                    try await Self.insert(note, tx)
                    return "done " + note
                }
            }
            await AsyncLock.sqliteWriter.unlock()
            for (task, note) in zip(tasks, notes) {
                #expect(try await task.value == "done " + note, "each caller gets its own result")
            }
            #expect(try await ProbeRow.notes(on: db as! any SQLDatabase) == notes, "stored in the order they came")
            let stats = commit.statistics
            #expect(stats.jobs == 20)
            #expect(stats.batches == 2, "the first job alone, then the 19 that queued behind it together")
            #expect(stats.largest == 19)
        }
    }

    @Test func aFailingJobIsRolledBackAloneAndItsErrorGoesToItsCaller() async throws {
        try await StoreDatabase.withSQLite { db in
            try await (db as! any SQLDatabase).raw(ProbeRow.createTable).run()
            let commit = GroupCommit<ProbeRow>()
            await AsyncLock.sqliteWriter.lock()
            // "b" writes a row and then fails; "dup" breaks the unique note of "a".
            let tasks = try await Self.queue(["first", "a", "b", "dup", "c"], commit) { note in
                try await commit.write(on: db) { tx in
                    switch note {
                    case "b":
                        try await Self.insert("b-partial", tx)
                        throw Refused()
                    case "dup":
                        try await Self.insert("a", tx)
                    default:
                        try await Self.insert(note, tx)
                    }
                    return note
                }
            }
            await AsyncLock.sqliteWriter.unlock()
            var outcomes: [String] = []
            for task in tasks {
                do { outcomes.append(try await task.value) } catch is Refused { outcomes.append("refused") } catch {
                    outcomes.append("error db")
                }
            }
            #expect(outcomes == ["first", "a", "refused", "error db", "c"])
            #expect(try await ProbeRow.notes(on: db as! any SQLDatabase) == ["first", "a", "c"], "nothing of the failed jobs is stored")
        }
    }

    /// Rows of one batch go in with one statement; a row its statement leaves out answers false, a row that fails
    /// fails alone (its neighbours are tried one by one), and a row that reads first sees every row before it.
    @Test func rowsShareOneStatementAndEachCallerHearsOfItsOwnRow() async throws {
        try await StoreDatabase.withSQLite { db in
            let sql = db as! any SQLDatabase
            try await sql.raw(ProbeRow.createTable).run()
            let commit = GroupCommit<ProbeRow>()
            let seen = NIOLockedValueBox(-1)
            // The first job holds its batch open until every other job has queued behind it.
            let (hold, release) = AsyncStream.makeStream(of: Void.self)
            let jobs: [(note: String, readsFirst: Bool)] = [("first", false), ("a", false), ("a", false), ("", false),
                                                            ("counts", true), ("last", false)]
            let tasks = try await Self.queue(Array(jobs.enumerated()), commit) { (i, job) in
                try await commit.insert(on: db, readsFirst: job.readsFirst) { tx in
                    if i == 0 { for await _ in hold { break } }
                    if job.readsFirst {
                        let n = try await (tx as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM probe").first()!.decode(column: "n", as: Int.self)
                        seen.withLockedValue { $0 = n }
                    }
                    return ProbeRow(job.note)
                }
            }
            release.yield()
            var outcomes: [String] = []
            for (task, job) in zip(tasks, jobs) {
                do { outcomes.append("\(job.note): \(try await task.value)") } catch { outcomes.append("\(job.note): error") }
            }
            #expect(outcomes == ["first: true", "a: true", "a: false", ": error", "counts: true", "last: true"])
            #expect(seen.withLockedValue { $0 } == 2, "a job that reads sees every row before it")
            #expect(try await ProbeRow.notes(on: sql) == ["first", "a", "counts", "last"])
            #expect(commit.statistics.batches == 2)
        }
    }

    /// On a SQLite file the batches run on the lane: its own loop and connection, in autocommit for rows alone; its
    /// WAL starts again once checkpointed from another connection.
    @Test func onAFileTheBatchesRunOnTheLaneAndACheckpointLetsTheWALStartAgain() async throws {
        let file = StoreDatabase.temporaryFile()
        try await StoreDatabase.withSQLite(file: file) { db in
            let sql = db as! any SQLDatabase
            try await sql.raw("PRAGMA journal_mode=WAL").run()
            try await sql.raw(ProbeRow.createTable).run()
            let lane = WriterLane(.sqliteFile(path: file), logger: StoreDatabase.logger) { _ in }
            let commit = GroupCommit<ProbeRow>()
            commit.use(lane)
            do {
                try await lane.start(checkpointingFrom: sql, on: lane.executor.loop)
                let onLane = NIOLockedValueBox<[Bool]>([])
                for i in 0..<40 {
                    let stored = try await commit.insert(on: db, readsFirst: false) { _ in
                        onLane.withLockedValue { $0.append(lane.executor.loop.inEventLoop) }
                        return ProbeRow("row \(i)")
                    }
                    #expect(stored)
                }
                #expect(onLane.withLockedValue { $0 } == Array(repeating: true, count: 40), "prepared on the lane's loop")
                func walFrames() async throws -> Int {
                    try await sql.raw("PRAGMA wal_checkpoint(PASSIVE)").first()!.decode(column: "log", as: Int.self)
                }
                let before = try await walFrames()
                #expect(before >= 40, "each commit adds frames to the WAL")
                let done = try await lane.checkpoint(from: sql, restartAfter: 0)
                #expect(done.log == done.checkpointed, "all of the WAL is in the database")
                _ = try await commit.insert(on: db, readsFirst: false) { _ in ProbeRow("after") }
                #expect(try await walFrames() < before / 4, "the next write started the WAL from its beginning")
                #expect(try await ProbeRow.notes(on: sql).count == 41)
            } catch {
                await lane.shutdown()
                throw error
            }
            await lane.shutdown()
        }
    }
}
