import Fluent
import Foundation

/// Bearer tokens past their lifetime, deleted with the day's retention purge (`ScheduledSteps`): a token that no
/// longer signs anyone in is not kept.
enum ExpiredTokens {
    /// Deletes the tokens that expired before `now`; returns how many.
    static func delete(before now: Date, on db: any Database) async throws -> Int {
        let expired = APIToken.query(on: db).filter(\.$expiresAt < now)
        let count = try await expired.count()
        if count > 0 { try await expired.delete() }
        return count
    }
}
