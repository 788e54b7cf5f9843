import Fluent
import Foundation
import GatehouseCore

/// Logs a parcel handed over at the gate: it goes to the community's pickup point, and the household gets a pickup
/// window that is not yet full (no crowding). Marks pickups.
struct DeliveryLog {
    let services: GatehouseServices
    let db: any Database

    static let defaultPickupPoint = LocalizedText(zh: "门岗旁快递外卖暂存点", en: "Parcel shelf next to the gate")

    func log(household: Household, community: Community, checkpointID: UUID, platform: String, riderNameMasked: String,
             riderPhoneMasked: String, registrationID: UUID?, passageID: UUID?, by user: UUID, now: Date) async throws -> Delivery {
        let planner = PickupWindowPlanner(minutes: community.pickupSlotMinutes, capacity: community.pickupSlotCapacity)
        let upcoming = try await Delivery.query(on: db).filter(\.$communityID == community.id!)
            .filter(\.$windowStart >= now).all()
        let booked = Dictionary(upcoming.map { ($0.windowStart, 1) }, uniquingKeysWith: +)
        let window = planner.window(loggedAt: now, booked: booked)
        let d = Delivery()
        d.id = UUID()
        d.communityID = community.id!
        d.householdID = household.id!
        d.checkpointID = checkpointID
        d.registrationID = registrationID
        d.passageID = passageID
        d.platform = platform
        d.riderNameMasked = riderNameMasked
        d.riderPhoneMasked = riderPhoneMasked
        d.pickupPoint = community.pickupPoint ?? Self.defaultPickupPoint.zh
        d.windowStart = window.start
        d.windowEnd = window.end
        d.loggedAt = now
        d.loggedBy = user
        try await d.create(on: db)
        return d
    }

    /// The household (or the office) collected it.
    func pickedUp(_ delivery: Delivery, by user: UUID) async throws {
        guard delivery.pickedUpAt == nil else { return }
        delivery.pickedUpAt = services.clock.now()
        delivery.pickedUpBy = user
        try await delivery.save(on: db)
    }
}
