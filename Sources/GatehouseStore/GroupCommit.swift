import FluentKit
import Foundation
import NIOConcurrencyHelpers
import SQLKit

/// Group commit for a write path that takes many small rows at once: write jobs that arrive while a commit is under
/// way wait in a queue, and the next batch runs them all in one transaction — on SQLite one `BEGIN IMMEDIATE … COMMIT`
/// (the process's one writer), one fsync for many rows. The rows of a batch go in with one multi-row statement of
/// their own type (`insert`, `BatchRow`); other jobs (`write`) run in their own savepoint. A job that fails (a
/// duplicate request, a refused write) is undone alone and its error goes to its own caller; the others still commit.
/// No caller hears "done" before the batch's COMMIT has returned, so an acknowledged row is durable (SQLite: WAL with
/// `synchronous=FULL`). Jobs run in the order they were submitted.
///
/// On PostgreSQL rows are batched the same way; other jobs (`write`) run in a transaction of their own at once. On a
/// SQLite file and on PostgreSQL the batches run on lanes of their own (`WriterLane`), where a batch of rows alone is
/// one `INSERT` in autocommit; PostgreSQL has two, so a batch may commit while an earlier one is under way — except
/// that a job which must see every earlier row (a row that reads first) is only taken when no other batch is.
public final class GroupCommit<Row: BatchRow>: Sendable {
    /// The most jobs one transaction takes (keeps a batch's latency bounded under a burst).
    public let maxBatch: Int

    private struct Job: Sendable {
        enum Work: Sendable {
            /// Statements of its own, in a savepoint.
            case statements(run: @Sendable (any Database) async throws -> Void)
            /// A row, prepared in the transaction (after the rows before it are in, when it reads them) and inserted
            /// together with its neighbours.
            case row(readsFirst: Bool, prepare: @Sendable (any Database) async throws -> Row)
        }

        /// Whether the job must see every job before it committed: statements, and rows that read first.
        var followsEarlierBatches: Bool {
            switch work {
            case .statements: true
            case .row(let readsFirst, _): readsFirst
            }
        }

        /// The database the job was submitted on (all jobs of one server share its pool).
        let database: any Database
        let work: Work
        /// The job's outcome once its batch has committed: for a row, whether it went in.
        let finish: @Sendable (Result<Bool, any Error>) -> Void
    }

    private struct State {
        var queue: [Job] = []
        /// The lanes (by index; 0 alone without lanes) with a batch under way.
        var busy: Set<Int> = []
        /// Jobs taken into batches so far.
        var taken = 0
    }

    private let state = NIOLockedValueBox(State())
    /// A SQLite file or PostgreSQL: the writer's own lanes (the batches run there, each on its lane's connection).
    /// SQLite has one writer and so one lane; on PostgreSQL a second lane runs the next batch while the first's is
    /// under way (a job that must see earlier rows waits until no other batch is).
    private let lanes = NIOLockedValueBox<[WriterLane]>([])
    /// Sizes of the batches committed so far (for metrics and tests): count and total jobs.
    private let counters = NIOLockedValueBox((batches: 0, jobs: 0, largest: 0))

    /// Told the size of each committed batch (metrics).
    private let onBatch: @Sendable (Int) -> Void

    public init(maxBatch: Int = 128, onBatch: @escaping @Sendable (Int) -> Void = { _ in }) {
        self.maxBatch = maxBatch
        self.onBatch = onBatch
    }

    /// Runs the batches on `lane` too from now on (the lanes are set when the database is configured).
    public func use(_ lane: WriterLane) {
        lanes.withLockedValue { $0.append(lane) }
    }

    /// The lanes the batches run on (none: on the jobs' own database).
    public var writerLanes: [WriterLane] { lanes.withLockedValue { $0 } }

    /// Batches committed, jobs in them and the largest batch, since start.
    public var statistics: (batches: Int, jobs: Int, largest: Int) { counters.withLockedValue { $0 } }

    /// Jobs waiting for the next batch, and jobs taken into batches so far.
    public var pending: Int { state.withLockedValue { $0.queue.count } }
    public var taken: Int { state.withLockedValue { $0.taken } }

    /// Runs `body` in a write transaction shared with other jobs of the same batch; returns when that transaction
    /// has committed (or throws the body's own error, or the commit's).
    public func write<T: Sendable>(on db: any Database, _ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard db.engine == .sqlite else { return try await db.transaction(body) }
        let result = NIOLockedValueBox<T?>(nil)
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            enqueue(Job(database: db, work: .statements(run: { tx in
                let value = try await body(tx)
                result.withLockedValue { $0 = value }
            }), finish: { outcome in
                switch outcome {
                case .success: continuation.resume(returning: result.withLockedValue { $0! })
                case .failure(let error): continuation.resume(throwing: error)
                }
            }))
        }
    }

    /// Writes a row together with the other rows of its batch — one multi-row statement (`Row.insert`) for
    /// consecutive rows in one transaction, so a batch costs a few statements and one commit however many it holds
    /// (on PostgreSQL too). `prepare` runs inside the batch's transaction, in submission order, and returns the row;
    /// with `readsFirst` (it counts earlier rows) every earlier row is inserted
    /// before it runs. Returns whether the row went in (`Row.insert` may leave a row out).
    public func insert(on db: any Database, readsFirst: Bool,
                       _ prepare: @escaping @Sendable (any Database) async throws -> Row) async throws -> Bool {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Bool, any Error>) in
            enqueue(Job(database: db, work: .row(readsFirst: readsFirst, prepare: prepare), finish: { continuation.resume(with: $0) }))
        }
    }

    /// Hands a row to the next batch at once, as `insert` does, without waiting for its commit: rows submitted one
    /// after another keep their order; the ticket tells each one's outcome.
    public func submit(on db: any Database, readsFirst: Bool,
                       _ prepare: @escaping @Sendable (any Database) async throws -> Row) -> GroupCommitTicket {
        let ticket = GroupCommitTicket()
        enqueue(Job(database: db, work: .row(readsFirst: readsFirst, prepare: prepare), finish: { ticket.finish($0) }))
        return ticket
    }

    private func enqueue(_ job: Job) {
        let lanes = writerLanes
        let idle = state.withLockedValue { s -> Int? in
            s.queue.append(job)
            guard let idle = (0..<max(1, lanes.count)).first(where: { !s.busy.contains($0) }) else { return nil }
            s.busy.insert(idle)
            return idle
        }
        guard let idle else { return }
        if lanes.isEmpty {
            Task { await self.drain(lane: 0, on: nil) }
        } else {
            Task(executorPreference: lanes[idle].executor) { await self.drain(lane: idle, on: lanes[idle]) }
        }
    }

    /// The next batch for lane `index` (busy until it finds none): the first jobs of the queue, up to the first that
    /// must see earlier batches committed while another batch is under way.
    private func take(for index: Int) -> [Job] {
        state.withLockedValue { s in
            var count = min(maxBatch, s.queue.count)
            if s.busy.count > 1, let first = s.queue.prefix(count).firstIndex(where: \.followsEarlierBatches) {
                count = first
            }
            let batch = Array(s.queue.prefix(count))
            s.queue.removeFirst(count)
            s.taken += count
            if batch.isEmpty { s.busy.remove(index) }
            return batch
        }
    }

    /// Commits batches until the queue has none for it: on a lane when there are lanes (this task then runs on the
    /// lane's loop), or else on the jobs' own database.
    private func drain(lane index: Int, on lane: WriterLane?) async {
        while true {
            let batch = take(for: index)
            guard let first = batch.first else { return }
            let outcomes = await commit(batch, on: first.database, lane: lane)
            counters.withLockedValue { c in
                c.batches += 1
                c.jobs += batch.count
                c.largest = max(c.largest, batch.count)
            }
            onBatch(batch.count)
            for (job, outcome) in zip(batch, outcomes) { job.finish(outcome) }
        }
    }

    /// Runs the batch in one write transaction (`writeTransaction`: the process's SQLite writer, `BEGIN IMMEDIATE`;
    /// on a lane the lane's, where a batch of rows alone is one `INSERT` in autocommit — one statement, one
    /// transaction, one round trip); returns each job's outcome. A failed BEGIN or COMMIT fails every job, since none
    /// is stored.
    private func commit(_ batch: [Job], on database: any Database, lane: WriterLane?) async -> [Result<Bool, any Error>] {
        // On a lane, rows alone (none reading first): the batch is one INSERT, its own transaction.
        let autocommit = lane != nil && batch.allSatisfy { if case .row(false, _) = $0.work { true } else { false } }
        let sqlite = database.engine == .sqlite
        let run: @Sendable (any Database) async throws -> [Result<Bool, any Error>] = { connection in
            let raw = connection as! any SQLDatabase
            var outcomes = [Result<Bool, any Error>?](repeating: nil, count: batch.count)
            var rows: [(job: Int, record: Row)] = []
            // SQLite undoes a failed statement by itself; in a transaction PostgreSQL fails the whole transaction
            // unless a savepoint marks where to go back to.
            let undoesStatements = sqlite || autocommit
            func insert(_ records: [Row]) async throws -> Set<UUID> {
                if undoesStatements { return try await Row.insert(records, on: raw) }
                try await raw.raw("SAVEPOINT rows").run()
                do {
                    let inserted = try await Row.insert(records, on: raw)
                    try await raw.raw("RELEASE rows").run()
                    return inserted
                } catch {
                    try await raw.raw("ROLLBACK TO rows").run()
                    try await raw.raw("RELEASE rows").run()
                    throw error
                }
            }
            func flush() async throws {
                guard !rows.isEmpty else { return }
                defer { rows.removeAll() }
                do {
                    let inserted = try await insert(rows.map(\.record))
                    for row in rows { outcomes[row.job] = .success(inserted.contains(row.record.id)) }
                } catch {
                    // One bad row fails the statement: each row then goes alone, and fails alone.
                    for row in rows {
                        do { outcomes[row.job] = .success(try await insert([row.record]).contains(row.record.id)) }
                        catch { outcomes[row.job] = .failure(error) }
                    }
                }
            }
            for (n, job) in batch.enumerated() {
                switch job.work {
                case .row(let readsFirst, let prepare):
                    if readsFirst { try await flush() }
                    do { rows.append((n, try await prepare(connection))) } catch { outcomes[n] = .failure(error) }
                case .statements(let run):
                    try await flush()
                    try await raw.raw("SAVEPOINT job").run()
                    do {
                        try await run(connection)
                        try await raw.raw("RELEASE job").run()
                        outcomes[n] = .success(true)
                    } catch {
                        try await raw.raw("ROLLBACK TO job").run()
                        try await raw.raw("RELEASE job").run()
                        outcomes[n] = .failure(error)
                    }
                }
            }
            try await flush()
            return outcomes.map { $0! }
        }
        do {
            if let lane { return try await lane.write(inTransaction: !autocommit, run) }
            return try await database.writeTransaction(run)
        } catch {
            return Array(repeating: .failure(error), count: batch.count)
        }
    }
}
