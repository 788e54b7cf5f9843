import Foundation
import GatehouseCore

extension Household {
    /// A new household at `address` (not yet stored).
    convenience init(address: HouseholdAddress, community: UUID, by user: UUID, now: Date) {
        self.init()
        id = UUID()
        communityID = community
        label = address.label
        building = address.building
        unit = address.unit
        room = address.room
        villageGroup = address.villageGroup
        houseNumber = address.houseNumber
        homeQuarantine = false
        createdAt = now
        createdBy = user
    }
}
