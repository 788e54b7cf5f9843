import FluentKit
import NIOCore
import SQLKit

/// The SQLite lane's WAL checkpoints.
extension WriterLane {
    /// The lane's connection stops checkpointing at its commits; `checkpoint(from:)` runs four times a second
    /// instead, in small steps (each syncs a few megabytes to the database file; a step a second synced four times as
    /// much at once, and the writer's own syncs queued behind it now and then).
    func startCheckpoints(from db: any SQLDatabase, on loop: any EventLoop) async throws {
        try await write(inTransaction: false) { lane in
            let sql = lane as! any SQLDatabase
            try await sql.raw("PRAGMA wal_autocheckpoint = 0").run()
            // A multi-row insert's statement journal stays in memory. The page cache keeps SQLite's default size: at
            // every commit SQLite looks through the cache for pages past the end of the file, which in a large cache
            // costs the writer dearly (figures in BENCHMARKS.md).
            try await sql.raw("PRAGMA temp_store = MEMORY").run()
        }
        let logger = self.logger
        let task = loop.scheduleRepeatedAsyncTask(initialDelay: .milliseconds(250), delay: .milliseconds(250)) { _ in
            loop.makeFutureWithTask {
                do { try await self.checkpoint(from: db) } catch {
                    logger.warning("WAL checkpoint failed: \(String(describing: error))")
                }
            }
        }
        checkpoints.withLockedValue { $0 = task }
    }

    /// Copies the WAL into the database file from `db` (not the lane) while the writer goes on. Under a steady load
    /// such a checkpoint is always a little behind the writer, and SQLite starts the WAL again from its beginning
    /// only once all of it is in the database: so when the WAL holds more than `frames`, a second step
    /// copies — between two batches, on the lane — what was written meanwhile (a few hundred frames: a pause of 10–40 ms
    /// every ten seconds or so under full load, measured, instead of a longer one in every thousand-frame commit). Returns the WAL's
    /// frames and those checkpointed by the last step.
    @discardableResult
    public func checkpoint(from db: any SQLDatabase, restartAfter frames: Int = restartAfterFrames) async throws -> (log: Int, checkpointed: Int) {
        let beside = try await Self.passiveCheckpoint(on: db)
        guard beside.log > frames else { return beside }
        return try await write(inTransaction: false) { try await Self.passiveCheckpoint(on: $0 as! any SQLDatabase) }
    }

    /// WAL frames (4 KiB pages) beyond which the writer pauses to let the WAL start again: 240 MiB. The pause lasts as
    /// long as copying the last quarter second's frames, whatever the WAL's size, so a larger WAL pauses less often
    /// for as long (at 30,000 frames every five seconds under full load, and the pauses were the p99 of that load).
    public static let restartAfterFrames = 60_000

    /// `PRAGMA wal_checkpoint(PASSIVE)`: as much as can be copied without waiting for readers or the writer.
    private static func passiveCheckpoint(on db: any SQLDatabase) async throws -> (log: Int, checkpointed: Int) {
        struct Row: Decodable { let busy: Int; let log: Int; let checkpointed: Int }
        guard let row = try await db.raw("PRAGMA wal_checkpoint(PASSIVE)").first() else { return (0, 0) }
        let decoded = try row.decode(model: Row.self)
        return (decoded.log, decoded.checkpointed)
    }
}
