import Fluent
import GatehouseCore
import NIOCore
import Vapor

/// The server's own timed steps, every minute once the app has booted: home quarantine orders come into force on
/// their first day and end after their last; police access grants start and end; once a day from 03:00 (China time),
/// personal data past each community's retention period is purged. Each step is safe when several instances run it
/// at once.
final class ScheduledSteps: LifecycleHandler, @unchecked Sendable {
    private var task: RepeatedTask?
    /// The China day of the last retention purge by this process.
    private var purgedOn: CalendarDate?

    func didBootAsync(_ app: Application) async throws {
        let services = app.gatehouse
        let db = app.db
        let logger = app.logger
        let loop = app.eventLoopGroup.next()
        task = loop.scheduleRepeatedAsyncTask(initialDelay: .seconds(2), delay: .seconds(60)) { _ in
            loop.makeFutureWithTask {
                do {
                    let (started, ended) = try await QuarantineOrders(services: services, db: db).sync()
                    if started + ended > 0 { logger.info("Home quarantine: \(started) order(s) in force, \(ended) ended") }
                    let grants = try await PoliceGrants(services: services, db: db).sync()
                    if grants > 0 { logger.info("Police access: \(grants) grant(s) started or ended") }
                    try await self.purgeOncePerDay(services: services, db: db, logger: logger)
                } catch {
                    logger.warning("A scheduled step failed (tried again in a minute): \(error)")
                }
            }
        }
    }

    private func purgeOncePerDay(services: GatehouseServices, db: any Database, logger: Logger) async throws {
        let now = services.clock.now()
        let today = CalendarDate(now)
        guard purgedOn != today, now >= today.start() + 3 * 3600 else { return }
        let started = ContinuousClock.now
        let purged = try await PersonalDataPurge(services: services, db: db).purgeExpiredEverywhere()
        for (community, counts) in purged where counts.total > 0 {
            logger.info("Retention purge of community \(community.id!): \(counts.summary)")
        }
        let tokens = try await ExpiredTokens.delete(before: now, on: db)
        if tokens > 0 { logger.info("Expired API tokens deleted: \(tokens)") }
        purgedOn = today
        logger.notice("Retention purge of the day done: \(purged.count) communities in \(started.duration(to: .now))")
    }

    func shutdown(_ app: Application) {
        task?.cancel()
    }
}
