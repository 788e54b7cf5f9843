import FluentKit
import NIOConcurrencyHelpers
import NIOCore
import SQLKit
import Vapor

/// Before the server takes requests on PostgreSQL: every connection of the pool is opened and has read the gate's
/// tables once, and the writer's lane has its connection with the batch statement prepared.
///
/// The pool opens connections when requests need them, and a new PostgreSQL connection is a new server process that
/// authenticates and loads its catalogue at its first queries. After a restart the gates' offline queues all arrive at
/// once: without this the first second's scans wait behind the connections being opened (BENCHMARKS.md has the
/// figures). SQLite opens its files in a moment: nothing to do.
enum DatabaseWarmup {
    /// Opens and warms `app`'s PostgreSQL connections (`GatehouseApp.postgresConnectionsPerLoop` on each event loop,
    /// and the lane's); returns how many pool connections it held at once.
    @discardableResult
    static func run(_ app: Application) async throws -> Int {
        guard case .postgres = app.gatehouse.configuration.database else { return 0 }
        for lane in app.gatehouse.groupCommit.writerLanes {
            // An empty batch: the statement is prepared and inserts nothing.
            _ = try await lane.write(inTransaction: false) { db in try await PassageRecord.insert([], on: db as! any SQLDatabase) }
        }
        var held = 0
        for loop in app.eventLoopGroup.makeIterator() {
            let db = app.databases.database(.psql, logger: app.logger, on: loop)!
            held += try await holdAtOnce(GatehouseApp.postgresConnectionsPerLoop, of: db, on: loop)
        }
        return held
    }

    /// Leases `count` connections of `db`'s pool together (each is kept until all are leased, so that none is
    /// leased twice) and reads the hot path's tables on each.
    private static func holdAtOnce(_ count: Int, of db: any Database, on loop: any EventLoop) async throws -> Int {
        let allLeased = loop.makePromise(of: Void.self)
        let leased = NIOLockedValueBox(0)
        let leases = (0..<count).map { _ in
            db.withConnection { connection -> EventLoopFuture<Void> in
                loop.makeFutureWithTask {
                    try await read(on: connection as! any SQLDatabase)
                }.flatMap {
                    if leased.withLockedValue({ $0 += 1; return $0 }) == count { allLeased.succeed(()) }
                    return allLeased.futureResult
                }.flatMapErrorThrowing { error in
                    allLeased.fail(error)
                    throw error
                }
            }
        }
        try await EventLoopFuture.andAllSucceed(leases, on: loop).get()
        return leased.withLockedValue { $0 }
    }

    /// The hot path's reads (a checkpoint's settings, a pass with its household and holder) for an id that is no
    /// one's: the connection's process loads what they touch.
    private static func read(on sql: any SQLDatabase) async throws {
        let nobody = UUID()
        _ = try await GateSettings.find(nobody, cache: ShortLivedCache(lifetime: .seconds(1), capacity: 1), on: sql)
        _ = try await PassRow.find(nobody, cache: ShortLivedCache(lifetime: .seconds(1), capacity: 1), on: sql)
    }
}
