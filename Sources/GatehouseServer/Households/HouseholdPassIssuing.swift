import Fluent
import Foundation
import GatehouseCore
import GatehouseStore

/// Gives every household of a community that has no valid household pass its one pass (the transitional 通行证).
struct HouseholdPassIssuing {
    let services: GatehouseServices
    let db: any Database

    func issueMissing(community: UUID, by user: UUID) async throws -> [Pass] {
        let now = services.clock.now()
        return try await db.writeTransaction { tx in
            let households = try await Household.query(on: tx).filter(\.$communityID == community).sort(\.$label).all()
            let holding = Set(try await Pass.query(on: tx).filter(\.$communityID == community).filter(\.$kind == PassKind.household.code)
                .filter(\.$status != Pass.Status.revoked.rawValue).filter(\.$expiresAt > now).all().map { $0.$household.id })
            var issued: [Pass] = []
            let service = PassService(services: services, db: tx)
            for household in households where !holding.contains(household.id!) {
                issued.append(try await service.issue(.household, household: household, resident: nil, by: user))
            }
            return issued
        }
    }
}
