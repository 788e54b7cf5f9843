import FluentKit
import FluentSQLiteDriver
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import SQLKit
import Vapor

/// The SQLite writer's own lane: one event loop thread, one SQLite thread and one connection that serve nothing
/// but the group commit's batches. On the shared loops and thread pool every step of a batch (lease, `BEGIN`,
/// `INSERT`, `COMMIT`) waited behind HTTP work, and the batch's time is every waiting passage's time; here the two
/// threads hand each step to one another and are otherwise idle.
///
/// The lane's connection does not checkpoint the WAL itself (`wal_autocheckpoint=0`): a checkpoint at a commit
/// copies the WAL into the database file and syncs it while the writer waits. `checkpoint(from:)` runs it from
/// another connection instead, beside the writer (`PASSIVE`), with a short step on the lane now and then so that
/// the WAL can start again. Should the lane's connection ever be replaced, its successor checkpoints as SQLite does
/// by default: slower, never wrong.
final class SQLiteWriterLane: LifecycleHandler, Sendable {
    private let group: MultiThreadedEventLoopGroup
    private let threadPool: NIOThreadPool
    private let databases: Databases
    private let logger: Logger
    private let checkpoints = NIOLockedValueBox<RepeatedTask?>(nil)
    /// The held connection, the promise whose completion gives it back to the pool, and when it is back.
    private let lease = NIOLockedValueBox<(connection: any Database, release: EventLoopPromise<Void>,
                                           returned: EventLoopFuture<Void>)?>(nil)
    /// Where the batches' tasks run (the lane's loop).
    let executor: EventLoopTaskExecutor

    /// Opens the lane on the SQLite file at `path`; `prepare` adds the database middleware the application's
    /// databases have (cache invalidation), so that writes through the lane behave the same.
    init(path: String, logger: Logger, prepare: (Databases) -> Void) {
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        threadPool = NIOThreadPool(numberOfThreads: 1)
        threadPool.start()
        databases = Databases(threadPool: threadPool, on: group)
        databases.use(.sqlite(.file(path), maxConnectionsPerEventLoop: 1), as: .sqlite)
        prepare(databases)
        self.logger = logger
        executor = EventLoopTaskExecutor(loop: group.next())
    }

    /// The lane's database (its one connection, on its own loop).
    var database: any Database {
        databases.database(.sqlite, logger: logger, on: executor.loop)!
    }

    /// Writes on the lane's connection, after the process's other writers (the same lock as
    /// `Database.writeTransaction`): in a transaction (`BEGIN IMMEDIATE … COMMIT`), or — when each of `body`'s
    /// statements may stand alone, as a batch's one `INSERT` (or, should it fail, its rows one by one) — in SQLite's
    /// autocommit, where each statement is its own transaction (one round trip instead of three, and no statement
    /// journal). `body` and its statements run on the lane's loop.
    func write<T: Sendable>(inTransaction: Bool = true, _ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await AsyncLock.sqliteWriter.holding {
            // Only the lock's holder uses the connection.
            let connection = try await heldConnection()
            return try await withTaskExecutorPreference(executor) {
                inTransaction ? try await connection.immediateTransaction(body) : try await body(connection)
            }
        }
    }

    /// The lane's one connection, leased from its pool at the first write and held until shutdown: a lease for each
    /// batch (a future and a task on the lane's loop) cost the batch — and so every passage in it — about as much
    /// time as SQLite's own work.
    private func heldConnection() async throws -> any Database {
        if let held = lease.withLockedValue({ $0?.connection }) { return held }
        let leased = executor.loop.makePromise(of: (any Database).self)
        let released = executor.loop.makePromise(of: Void.self)
        let returned = database.withConnection { connection -> EventLoopFuture<Void> in
            leased.succeed(connection)
            return released.futureResult
        }
        returned.whenFailure { leased.fail($0) }
        let connection = try await leased.futureResult.get()
        lease.withLockedValue { $0 = (connection, released, returned) }
        return connection
    }

    /// Once the server runs: the lane's connection stops checkpointing at its commits, and `checkpoint(from:)`
    /// runs four times a second instead (small steps: each one syncs a few megabytes to the database file, where
    /// a step a second synced four times as much at once and the writer's own syncs queued behind it now and then).
    func didBootAsync(_ application: Application) async throws {
        let lane = database as! any SQLDatabase
        try await lane.raw("PRAGMA wal_autocheckpoint = 0").run()
        // A multi-row insert's statement journal stays in memory. The page cache keeps SQLite's default size: at
        // every commit SQLite looks through the cache for pages past the end of the file, and in a 64 MiB cache
        // that look took a tenth of the writer's time (passages 2,300/s → 2,870/s when left out).
        try await lane.raw("PRAGMA temp_store = MEMORY").run()
        let db = application.db as! any SQLDatabase
        let logger = application.logger
        let loop = application.eventLoopGroup.next()
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
    /// copies — between two batches, on the lane — what was written meanwhile (a few hundred frames, a pause of a
    /// few milliseconds every few seconds instead of a longer one in every thousand-frame commit). Returns the WAL's
    /// frames and those checkpointed by the last step.
    @discardableResult
    func checkpoint(from db: any SQLDatabase, restartAfter frames: Int = restartAfterFrames) async throws -> (log: Int, checkpointed: Int) {
        let beside = try await Self.passiveCheckpoint(on: db)
        guard beside.log > frames else { return beside }
        return try await write(inTransaction: false) { try await Self.passiveCheckpoint(on: $0 as! any SQLDatabase) }
    }

    /// WAL frames (4 KiB pages) beyond which the writer pauses to let the WAL start again: 120 MiB.
    static let restartAfterFrames = 30_000

    /// `PRAGMA wal_checkpoint(PASSIVE)`: as much as can be copied without waiting for readers or the writer.
    private static func passiveCheckpoint(on db: any SQLDatabase) async throws -> (log: Int, checkpointed: Int) {
        struct Row: Decodable { let busy: Int; let log: Int; let checkpointed: Int }
        guard let row = try await db.raw("PRAGMA wal_checkpoint(PASSIVE)").first() else { return (0, 0) }
        let decoded = try row.decode(model: Row.self)
        return (decoded.log, decoded.checkpointed)
    }

    func shutdownAsync(_ application: Application) async {
        checkpoints.withLockedValue { $0?.cancel() }
        // The connection goes back to the pool (after the batch holding the lock, if any) before the pool closes.
        let returned = try? await AsyncLock.sqliteWriter.holding {
            lease.withLockedValue { held -> EventLoopFuture<Void>? in
                defer { held = nil }
                held?.release.succeed(())
                return held?.returned
            }
        }
        if let returned = returned.flatMap({ $0 }) { try? await returned.get() }
        await databases.shutdownAsync()
        try? await threadPool.shutdownGracefully()
        try? await group.shutdownGracefully()
    }
}
