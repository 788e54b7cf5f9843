import Fluent
import Foundation
import GatehouseCore
import SQLKit

/// Builds `CommunityFigures` for one community or many at once (one query per figure over all of them, not per
/// community, where the figure allows it).
struct OversightFigures {
    let services: GatehouseServices
    let db: any Database
    let language: Language

    private struct PassageRow: Decodable {
        let community_id: UUID
        let direction: String
        let decision: String
        let status: String
        let recorded_at: Date
        let person_id: UUID?
        let pass_id: UUID?
        let household_id: UUID?
    }

    func figures(for communities: [Community]) async throws -> [CommunityFigures] {
        guard !communities.isEmpty else { return [] }
        let ids = communities.map { $0.id! }
        let now = services.clock.now()
        let todayStart = services.today.start()
        let sql = db as! any SQLDatabase
        // One pass over the last 24 hours (and today) of passages: counts, hours, and the last direction of each person.
        let since = min(todayStart, now - 86_400)
        let rows = try await sql.select()
            .columns("community_id", "direction", "decision", "status", "recorded_at", "person_id", "pass_id", "household_id")
            .from("passages").where("community_id", .in, ids).where("recorded_at", .greaterThanOrEqual, since)
            .orderBy("recorded_at").all(decoding: PassageRow.self)
        let byCommunity = Dictionary(grouping: rows, by: \.community_id)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .chinaStandard

        let residents = try await Resident.query(on: db).filter(\.$communityID ~~ ids).all(\.$communityID)
        let residentCounts = Dictionary(grouping: residents, by: { $0 }).mapValues(\.count)
        let quarantined = try await Household.query(on: db).filter(\.$communityID ~~ ids).filter(\.$homeQuarantine == true).all(\.$communityID)
        let quarantinedCounts = Dictionary(grouping: quarantined, by: { $0 }).mapValues(\.count)
        let visits = try await Visit.query(on: db).filter(\.$communityID ~~ ids).filter(\.$enteredAt != nil).filter(\.$exitedAt == nil)
            .all(\.$communityID)
        let visitCounts = Dictionary(grouping: visits, by: { $0 }).mapValues(\.count)
        let subdistricts = try await Subdistrict.query(on: db).filter(\.$id ~~ Set(communities.map { $0.$subdistrict.id })).all()
        let subNames = Dictionary(uniqueKeysWithValues: subdistricts.map { ($0.id!, $0.name) })
        let fever = try await FeverCaseDesk(services: services, db: db, language: language)
            .rows(of: communities, limit: 10_000)
        let disinfection = DisinfectionService(services: services, db: db)
        let returnees = ReturneeMonitorBoard(services: services, db: db)
        let quarantine = QuarantineBoard(services: services, db: db, language: language)

        var result: [CommunityFigures] = []
        for community in communities {
            let cid = community.id!
            let mine = byCommunity[cid] ?? []
            var entriesByHour = Array(repeating: 0, count: 24), exitsByHour = Array(repeating: 0, count: 24)
            var refused = 0, abnormal = 0
            var last: [String: (household: Bool, direction: String)] = [:]
            for p in mine {
                let allowed = p.decision == "allow"
                if p.recorded_at >= todayStart {
                    if allowed {
                        let hour = calendar.component(.hour, from: p.recorded_at)
                        if p.direction == "in" { entriesByHour[hour] += 1 } else { exitsByHour[hour] += 1 }
                    } else {
                        refused += 1
                    }
                    if p.status == "abnormal" { abnormal += 1 }
                }
                guard allowed, let key = p.person_id.map({ "p" + $0.uuidString }) ?? p.pass_id.map({ "k" + $0.uuidString }) else { continue }
                last[key] = (p.household_id != nil, p.direction)
            }
            let membersOut = last.values.filter { $0.household && $0.direction == "out" }.count
            let othersIn = last.values.filter { !$0.household && $0.direction == "in" }.count
            let cases = fever.filter { $0.communityId == cid }
            let returneeCounts = try await returnees.counts(community: cid)
            result.append(CommunityFigures(
                communityId: cid, communityName: community.name, subdistrictName: subNames[community.$subdistrict.id] ?? "",
                entriesToday: entriesByHour.reduce(0, +), exitsToday: exitsByHour.reduce(0, +), refusedToday: refused,
                abnormalToday: abnormal, estimatedInside: max(0, (residentCounts[cid] ?? 0) - membersOut + othersIn),
                residents: residentCounts[cid] ?? 0, openFeverCases: cases.count, lateFeverCases: cases.filter(\.late).count,
                quarantinedHouseholds: quarantinedCounts[cid] ?? 0,
                overdueDisinfection: try await disinfection.overdueCount(community: cid),
                missedCheckIns: returneeCounts.missed, unwellReturnees: returneeCounts.unwell,
                missedQuarantineRounds: try await quarantine.missedCount(community: cid),
                visitorsInside: visitCounts[cid] ?? 0, entriesByHour: entriesByHour, exitsByHour: exitsByHour))
        }
        return result
    }
}
