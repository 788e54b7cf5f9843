import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import SQLKit

/// The group commit's own lane: one event loop thread, one thread for SQLite's calls and one connection — held
/// from the first write to shutdown — that serve nothing but the group commit's batches. On the shared loops and
/// thread pool every step of a batch waited behind HTTP work, and the batch's time is every waiting row's time.
/// On a SQLite file (the process's one writer) and on PostgreSQL alike.
///
/// On SQLite the lane's connection does not checkpoint the WAL itself (`wal_autocheckpoint=0`): a checkpoint at a
/// commit copies the WAL into the database file and syncs it while the writer waits. `checkpoint(from:)` runs it
/// from another connection instead (`WriterLane+Checkpoint`). Should the lane's connection ever be replaced, its
/// successor checkpoints as SQLite does by default: slower, never wrong.
///
/// The owner calls `start(checkpointingFrom:on:)` once the server runs and `shutdown()` before its own databases close.
public final class WriterLane: Sendable {
    /// The database the lane writes to.
    public enum Target: Sendable {
        case sqliteFile(path: String)
        case postgres(SQLPostgresConfiguration)

        /// How many lanes write to it: SQLite has one writer; on PostgreSQL a second batch runs while the first's
        /// statement or commit is under way.
        public var lanes: Int {
            switch self {
            case .sqliteFile: 1
            case .postgres: 2
            }
        }
    }

    private let group: MultiThreadedEventLoopGroup
    private let threadPool: NIOThreadPool
    private let databases: Databases
    private let id: DatabaseID
    let logger: Logger
    /// Who may use the connection: on SQLite the process's writer lock (shared with `Database.writeTransaction`).
    private let lock: AsyncLock
    /// SQLite: the repeated WAL checkpoint (`WriterLane+Checkpoint`).
    let checkpoints = NIOLockedValueBox<RepeatedTask?>(nil)
    /// The held connection, its watch (PostgreSQL), the promise whose completion gives it back to the pool, and when
    /// it is back.
    private let lease = NIOLockedValueBox<(connection: any Database, watch: ConnectionLossWatch?,
                                           release: EventLoopPromise<Void>, returned: EventLoopFuture<Void>)?>(nil)
    /// Where the batches' tasks run (the lane's loop).
    public let executor: EventLoopTaskExecutor

    /// Opens the lane on `target`; `prepare` adds the database middleware the application's databases have (cache
    /// invalidation), so that writes through the lane behave the same.
    public init(_ target: Target, logger: Logger, prepare: (Databases) -> Void) {
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        threadPool = NIOThreadPool(numberOfThreads: 1)
        threadPool.start()
        databases = Databases(threadPool: threadPool, on: group)
        switch target {
        case .sqliteFile(let path):
            id = .sqlite
            lock = .sqliteWriter
            databases.use(.sqlite(.file(path), maxConnectionsPerEventLoop: 1), as: id)
        case .postgres(let configuration):
            id = .psql
            lock = AsyncLock()
            databases.use(.postgres(configuration: configuration, maxConnectionsPerEventLoop: 1), as: id)
        }
        prepare(databases)
        self.logger = logger
        executor = EventLoopTaskExecutor(loop: group.next())
    }

    public var isSQLite: Bool { id == .sqlite }

    /// The lane's database (its one connection, on its own loop).
    public var database: any Database {
        databases.database(id, logger: logger, on: executor.loop)!
    }

    /// Writes on the lane's connection — on SQLite after the process's other writers (the same lock as
    /// `Database.writeTransaction`) — in a transaction (SQLite `BEGIN IMMEDIATE … COMMIT`), or, when each of
    /// `body`'s statements may stand alone (a batch's one `INSERT`, or, should it fail, its rows one by one), in
    /// autocommit, where each statement is its own transaction (one round trip instead of three). `body` and its
    /// statements run on the lane's loop. On PostgreSQL a lost connection (a restarted server) goes back to its pool,
    /// which replaces it: after a failure, and when found closed before a write; a write whose connection closes
    /// under it fails then and there (`ConnectionLossWatch`).
    public func write<T: Sendable>(inTransaction: Bool = true, _ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await lock.holding {
            let (connection, watch) = try await heldConnection()
            let isSQLite = isSQLite
            let run: @Sendable () async throws -> T = {
                guard inTransaction else { return try await body(connection) }
                return try await connection.explicitTransaction(begin: isSQLite ? "BEGIN IMMEDIATE" : "BEGIN", body)
            }
            do {
                if let watch { return try await watch.run(on: executor, run) }
                return try await withTaskExecutorPreference(executor, operation: run)
            } catch {
                if !isSQLite { await giveBack() }
                throw error
            }
        }
    }

    /// Whether `connection` is a PostgreSQL connection the server has closed (a restart, an administrator): a
    /// batch's rows fail one by one on it without the lane hearing of it.
    private static func isLost(_ connection: any Database) async throws -> Bool {
        guard let postgres = connection as? any PostgresDatabase else { return false }
        return try await postgres.withConnection { $0.eventLoop.makeSucceededFuture($0.isClosed) }.get()
    }

    /// Returns the held connection to its pool (and waits until it is back).
    private func giveBack() async {
        let returned = lease.withLockedValue { held -> EventLoopFuture<Void>? in
            defer { held = nil }
            held?.release.succeed(())
            return held?.returned
        }
        try? await returned?.get()
    }

    /// The lane's one connection, leased from its pool at the first write and held until shutdown: a lease for each
    /// batch (a future and a task on the lane's loop) cost the batch — and so every row in it — about as much
    /// time as SQLite's own work.
    private func heldConnection() async throws -> (any Database, ConnectionLossWatch?) {
        if let held = lease.withLockedValue({ $0 }) {
            guard try await Self.isLost(held.connection) else { return (held.connection, held.watch) }
            await giveBack()
        }
        let leased = executor.loop.makePromise(of: (any Database).self)
        let released = executor.loop.makePromise(of: Void.self)
        let returned = database.withConnection { connection -> EventLoopFuture<Void> in
            leased.succeed(connection)
            return released.futureResult
        }
        returned.whenFailure { leased.fail($0) }
        let connection = try await leased.futureResult.get()
        let watch = (connection as? any PostgresDatabase).map { postgres in
            ConnectionLossWatch(closeFuture: postgres.withConnection { $0.closeFuture })
        }
        lease.withLockedValue { $0 = (connection, watch, released, returned) }
        return (connection, watch)
    }

    /// Once the server runs, on SQLite: the lane's connection stops checkpointing at its commits, and
    /// `checkpoint(from: db)` runs four times a second on `loop` instead. Nothing to do on PostgreSQL.
    public func start(checkpointingFrom db: any SQLDatabase, on loop: any EventLoop) async throws {
        if isSQLite { try await startCheckpoints(from: db, on: loop) }
    }

    /// Stops the checkpoints, gives the connection back and closes the lane's own pool, loop and thread.
    public func shutdown() async {
        checkpoints.withLockedValue { $0?.cancel() }
        // The connection goes back to the pool (after the batch holding the lock, if any) before the pool closes.
        try? await lock.holding { await giveBack() }
        await databases.shutdownAsync()
        try? await threadPool.shutdownGracefully()
        try? await group.shutdownGracefully()
    }
}
