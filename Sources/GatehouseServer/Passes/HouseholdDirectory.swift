import Fluent
import Foundation

/// Households and their members.
struct HouseholdDirectory {
    let db: any Database

    /// The household a person is registered in, if any.
    func household(of person: Person) async throws -> Household? {
        guard let id = person.id else { return nil }
        // One query: this runs on every ID-card passage.
        return try await Household.query(on: db).join(Resident.self, on: \Resident.$household.$id == \Household.$id)
            .filter(Resident.self, \.$person.$id == id).first()
    }
}
