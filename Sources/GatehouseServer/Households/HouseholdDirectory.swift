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

    /// The member of `household` with this ID number (blind index), if any.
    func member(of household: UUID, idNumberIndex: String) async throws -> Resident? {
        try await Resident.query(on: db).join(Person.self, on: \Resident.$person.$id == \Person.$id)
            .filter(\.$household.$id == household).filter(Person.self, \.$idNumberIndex == idNumberIndex).first()
    }
}
