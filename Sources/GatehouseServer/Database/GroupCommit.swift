import FluentKit
import Foundation
import NIOConcurrencyHelpers
import SQLKit

/// Group commit for the gate's hot path on the embedded SQLite: write jobs that arrive while a commit is under way
/// wait in a queue, and the next batch runs them all in one `BEGIN IMMEDIATE … COMMIT` — one fsync for many
/// passages. Each job runs inside its own savepoint, so a job that fails (a duplicate request, a refused write) is
/// rolled back alone and its error goes to its own caller; the others still commit. No caller hears "done" before
/// the batch's COMMIT has returned, so an acknowledged passage is durable (WAL with `synchronous=FULL`). Jobs run in
/// the order they were submitted. A batch is one `writeTransaction`, so it never interleaves with other writes. On
/// PostgreSQL every job is its own transaction: its server commits concurrent transactions together by itself.
final class GroupCommit: Sendable {
    /// The most jobs one transaction takes (keeps a batch's latency bounded under a burst).
    let maxBatch: Int

    private struct Job: Sendable {
        /// The database the job was submitted on (all jobs of one server share its pool).
        let database: any Database
        let run: @Sendable (any Database) async throws -> Void
        let finish: @Sendable ((any Error)?) -> Void
    }

    private struct State {
        var queue: [Job] = []
        var draining = false
        /// Jobs taken into batches so far.
        var taken = 0
    }

    private let state = NIOLockedValueBox(State())
    /// Sizes of the batches committed so far (for metrics and tests): count and total jobs.
    private let counters = NIOLockedValueBox((batches: 0, jobs: 0, largest: 0))

    /// Told the size of each committed batch (metrics).
    private let onBatch: @Sendable (Int) -> Void

    init(maxBatch: Int = 128, onBatch: @escaping @Sendable (Int) -> Void = { _ in }) {
        self.maxBatch = maxBatch
        self.onBatch = onBatch
    }

    /// Batches committed, jobs in them and the largest batch, since start.
    var statistics: (batches: Int, jobs: Int, largest: Int) { counters.withLockedValue { $0 } }

    /// Jobs waiting for the next batch, and jobs taken into batches so far.
    var pending: Int { state.withLockedValue { $0.queue.count } }
    var taken: Int { state.withLockedValue { $0.taken } }

    /// Runs `body` in a write transaction shared with other jobs of the same batch; returns when that transaction
    /// has committed (or throws the body's own error, or the commit's).
    func write<T: Sendable>(on db: any Database, _ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" else {
            return try await db.transaction(body)
        }
        let result = NIOLockedValueBox<T?>(nil)
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let job = Job(database: db, run: { tx in
                let value = try await body(tx)
                result.withLockedValue { $0 = value }
            }, finish: { error in
                if let error {
                    continuation.resume(throwing: error)
                } else {
                    continuation.resume(returning: result.withLockedValue { $0! })
                }
            })
            let startDrain = state.withLockedValue { s -> Bool in
                s.queue.append(job)
                guard !s.draining else { return false }
                s.draining = true
                return true
            }
            if startDrain { Task { await self.drain() } }
        }
    }

    private func drain() async {
        while true {
            let batch = state.withLockedValue { s -> [Job] in
                let batch = Array(s.queue.prefix(maxBatch))
                s.queue.removeFirst(batch.count)
                s.taken += batch.count
                if batch.isEmpty { s.draining = false }
                return batch
            }
            guard let database = batch.first?.database else { return }
            let outcomes = await commit(batch, on: database)
            counters.withLockedValue { c in
                c.batches += 1
                c.jobs += batch.count
                c.largest = max(c.largest, batch.count)
            }
            onBatch(batch.count)
            for (job, outcome) in zip(batch, outcomes) { job.finish(outcome) }
        }
    }

    /// Runs the batch in one write transaction (`writeTransaction`: the process's SQLite writer, `BEGIN IMMEDIATE`);
    /// returns each job's error (nil: committed). A failed BEGIN or COMMIT fails every job, since none is stored.
    private func commit(_ batch: [Job], on database: any Database) async -> [(any Error)?] {
        do {
            return try await database.writeTransaction { connection in
                let raw = connection as! any SQLDatabase
                var outcomes: [(any Error)?] = []
                for job in batch {
                    try await raw.raw("SAVEPOINT job").run()
                    do {
                        try await job.run(connection)
                        try await raw.raw("RELEASE job").run()
                        outcomes.append(nil)
                    } catch {
                        try await raw.raw("ROLLBACK TO job").run()
                        try await raw.raw("RELEASE job").run()
                        outcomes.append(error)
                    }
                }
                return outcomes
            }
        } catch {
            return Array(repeating: error, count: batch.count)
        }
    }
}
