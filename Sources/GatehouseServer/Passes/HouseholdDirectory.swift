import Fluent
import Foundation

/// Households and their members.
struct HouseholdDirectory {
    let db: any Database

    /// The household a person is registered in, if any.
    func household(of person: Person) async throws -> Household? {
        guard let id = person.id, let resident = try await Resident.query(on: db).filter(\.$person.$id == id).first() else { return nil }
        return try await Household.find(resident.$household.id, on: db)
    }
}
