import Foundation
import Vapor

/// A community's figures for the dashboard and the roll-up: today's traffic, who is estimated inside, and what is
/// open or overdue in its health workflows.
struct CommunityFigures: Content {
    let communityId: UUID
    let communityName: String
    let subdistrictName: String
    /// Allowed entries and exits today (China time), and refusals.
    let entriesToday: Int
    let exitsToday: Int
    let refusedToday: Int
    let abnormalToday: Int
    /// Registered residents, less members whose last passage in 24 h was out, plus others whose last was in.
    let estimatedInside: Int
    let residents: Int
    let openFeverCases: Int
    let lateFeverCases: Int
    let quarantinedHouseholds: Int
    let overdueDisinfection: Int
    let missedCheckIns: Int
    /// Returnees whose latest check-in had a fever reading or a symptom.
    let unwellReturnees: Int
    let missedQuarantineRounds: Int
    let visitorsInside: Int
    /// Allowed entries and exits per hour 0…23 today.
    let entriesByHour: [Int]
    let exitsByHour: [Int]
}
