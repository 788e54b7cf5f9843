import Fluent
import Foundation
import GatehouseCore

extension Resident {
    /// The person's place in `household` as a permanent resident: the one they have, or a new one. A person already
    /// living in another household of the community is refused (the office moves them on the household page).
    static func enrol(person: UUID, in household: Household, by user: UUID, at now: Date, on db: any Database) async throws -> Resident {
        if let resident = try await Resident.query(on: db).filter(\.$communityID == household.communityID)
            .filter(\.$person.$id == person).first() {
            guard resident.$household.id == household.id else {
                let other = try await Household.find(resident.$household.id, on: db)?.label ?? ""
                throw AppError(.conflict, "resident_elsewhere", zh: "此人已登记在\(other)，请先在住户页面处理", en: "This person is already registered at \(other)")
            }
            return resident
        }
        let created = Resident()
        created.id = UUID()
        created.communityID = household.communityID
        created.$household.id = household.id!
        created.$person.id = person
        created.category = ResidentCategory.permanent.rawValue
        created.createdAt = now
        created.createdBy = user
        try await created.create(on: db)
        return created
    }
}
