import Fluent
import Foundation
import GatehouseCore
import Vapor

/// A household in lists: label, members, quarantine, its valid household pass if any.
struct HouseholdSummary: Content {
    let id: UUID
    let label: String
    let memberCount: Int
    let homeQuarantine: Bool
    let rented: Bool
    let landlordPhoneMasked: String?
    let householdPassId: UUID?
    let householdPassCode: String?

    /// The community's households by label, with `limit` and an optional label filter.
    static func list(community: UUID, search: String?, limit: Int, now: Date, on db: any Database) async throws -> [HouseholdSummary] {
        let query = Household.query(on: db).filter(\.$communityID == community).sort(\.$label).limit(limit)
        if let search, !search.isEmpty { query.filter(\.$label ~~ search) }
        let households = try await query.all()
        let ids = households.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let residents = try await Resident.query(on: db).filter(\.$household.$id ~~ ids).all()
        let counts = Dictionary(grouping: residents, by: { $0.$household.id }).mapValues(\.count)
        let passes = try await Pass.query(on: db).filter(\.$household.$id ~~ ids).filter(\.$kind == PassKind.household.code)
            .filter(\.$status == Pass.Status.active.rawValue).filter(\.$expiresAt > now).all()
        let byHousehold = Dictionary(passes.map { ($0.$household.id, $0) }, uniquingKeysWith: { a, _ in a })
        return households.map { h in
            let pass = byHousehold[h.id!]
            return HouseholdSummary(id: h.id!, label: h.label, memberCount: counts[h.id!] ?? 0, homeQuarantine: h.homeQuarantine,
                                    rented: h.isRented, landlordPhoneMasked: h.landlordPhoneMasked, householdPassId: pass?.id,
                                    householdPassCode: pass.flatMap { PassShortCode(typed: $0.shortCode)?.description })
        }
    }
}
