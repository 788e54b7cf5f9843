import Fluent
import GatehouseCore
import NIOCore
import Vapor

/// The server's own timed steps, every minute once the app has booted: home quarantine orders come into force on
/// their first day and end after their last; police access grants start and end; once a day from 03:00 (China time),
/// personal data past each community's retention period is purged. With several instances on one PostgreSQL, each
/// step runs on one instance at a time (`ScheduledStepLock`) and the day's purge once among them (the purge runs it
/// logged say whether it was done today); `GATEHOUSE_SCHEDULER=off` keeps an instance out of them.
final class ScheduledSteps: LifecycleHandler, @unchecked Sendable {
    private var task: RepeatedTask?

    func didBootAsync(_ app: Application) async throws {
        let services = app.gatehouse
        let db = app.db
        let logger = app.logger
        let loop = app.eventLoopGroup.next()
        task = loop.scheduleRepeatedAsyncTask(initialDelay: .seconds(2), delay: .seconds(60)) { _ in
            loop.makeFutureWithTask {
                do {
                    let lock = ScheduledStepLock(db: db)
                    try await lock.run("quarantine-orders") {
                        let (started, ended) = try await QuarantineOrders(services: services, db: db).sync()
                        if started + ended > 0 { logger.info("Home quarantine: \(started) order(s) in force, \(ended) ended") }
                    }
                    try await lock.run("police-grants") {
                        let grants = try await PoliceGrants(services: services, db: db).sync()
                        if grants > 0 { logger.info("Police access: \(grants) grant(s) started or ended") }
                    }
                    try await lock.run("retention-purge") {
                        try await Self.purgeOncePerDay(services: services, db: db, logger: logger)
                    }
                } catch {
                    logger.warning("A scheduled step failed (tried again in a minute): \(error)")
                }
            }
        }
    }

    /// The day's retention purge, from 03:00 China time, unless an instance already ran it today (its runs are logged
    /// without a user).
    static func purgeOncePerDay(services: GatehouseServices, db: any Database, logger: Logger) async throws {
        let now = services.clock.now()
        let today = CalendarDate(now)
        let from = today.start() + 3 * 3600
        guard now >= from else { return }
        let done = try await PurgeRun.query(on: db).filter(\.$kind == PurgeKind.retention.rawValue).filter(\.$by == nil)
            .filter(\.$at >= from).count()
        guard done == 0 else { return }
        let started = ContinuousClock.now
        let purged = try await PersonalDataPurge(services: services, db: db).purgeExpiredEverywhere()
        for (community, counts) in purged where counts.total > 0 {
            logger.info("Retention purge of community \(community.id!): \(counts.summary)")
        }
        let tokens = try await ExpiredTokens.delete(before: now, on: db)
        if tokens > 0 { logger.info("Expired API tokens deleted: \(tokens)") }
        logger.notice("Retention purge of the day done: \(purged.count) communities in \(started.duration(to: .now))")
    }

    func shutdown(_ app: Application) {
        task?.cancel()
    }
}
