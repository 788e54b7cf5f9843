import Fluent
import Foundation

/// Flags a household as under home medical observation (or lifts it), saying who and when.
struct HouseholdQuarantine {
    let services: GatehouseServices
    let db: any Database

    func set(_ household: Household, to on: Bool, by user: UUID) async throws {
        guard household.homeQuarantine != on else { return }
        household.homeQuarantine = on
        household.quarantineChangedAt = services.clock.now()
        household.quarantineChangedBy = user
        try await household.save(on: db)
    }
}
