import NIOCore
import Vapor

/// The server's own timed steps, every minute once the app has booted: home quarantine orders come into force on
/// their first day and end after their last; police access grants start and end. Each step is safe when several
/// instances run it at once.
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
                    let (started, ended) = try await QuarantineOrders(services: services, db: db).sync()
                    if started + ended > 0 { logger.info("Home quarantine: \(started) order(s) in force, \(ended) ended") }
                    let grants = try await PoliceGrants(services: services, db: db).sync()
                    if grants > 0 { logger.info("Police access: \(grants) grant(s) started or ended") }
                } catch {
                    logger.warning("A scheduled step failed (tried again in a minute): \(error)")
                }
            }
        }
    }

    func shutdown(_ app: Application) {
        task?.cancel()
    }
}
