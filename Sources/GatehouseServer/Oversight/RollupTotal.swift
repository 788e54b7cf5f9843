import Foundation

/// The totals row of a roll-up: every figure summed over the communities.
enum RollupTotal {
    static func sum(_ rows: [CommunityFigures], name: String) -> CommunityFigures? {
        guard let first = rows.first else { return nil }
        func total(_ key: KeyPath<CommunityFigures, Int>) -> Int { rows.reduce(0) { $0 + $1[keyPath: key] } }
        func hours(_ key: KeyPath<CommunityFigures, [Int]>) -> [Int] {
            (0..<24).map { h in rows.reduce(0) { $0 + $1[keyPath: key][h] } }
        }
        return CommunityFigures(
            communityId: first.communityId, communityName: name, subdistrictName: "",
            entriesToday: total(\.entriesToday), exitsToday: total(\.exitsToday), refusedToday: total(\.refusedToday),
            abnormalToday: total(\.abnormalToday), estimatedInside: total(\.estimatedInside), residents: total(\.residents),
            openFeverCases: total(\.openFeverCases), lateFeverCases: total(\.lateFeverCases),
            quarantinedHouseholds: total(\.quarantinedHouseholds), overdueDisinfection: total(\.overdueDisinfection),
            missedCheckIns: total(\.missedCheckIns), unwellReturnees: total(\.unwellReturnees), missedQuarantineRounds: total(\.missedQuarantineRounds),
            visitorsInside: total(\.visitorsInside), entriesByHour: hours(\.entriesByHour), exitsByHour: hours(\.exitsByHour))
    }
}
