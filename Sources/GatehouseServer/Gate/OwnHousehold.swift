import Fluent
import Foundation
import SQLKit

/// What a resident's account may see of the gate register: the passages of their own household (by its pass) and
/// their own (by their person), as their data report (`/me/data`) lists them.
struct OwnHousehold {
    let households: [UUID]
    let persons: [UUID]

    /// The households and persons the account stands for (none for an account not yet placed in a household).
    static func of(_ user: User, on db: any Database) async throws -> OwnHousehold {
        let rows = try await Resident.query(on: db).filter(\.$userID == user.id).all()
        return OwnHousehold(households: rows.map { $0.$household.id }, persons: rows.map { $0.$person.id })
    }

    func holds(_ passage: Passage) -> Bool {
        passage.householdID.map(households.contains) == true || passage.$person.id.map(persons.contains) == true
    }

    /// `" AND (household_id IN (…) OR person_id IN (…))"`; nothing matches when the account has no household.
    var condition: SQLQueryString {
        guard !households.isEmpty else { return " AND 1 = 0" }
        return " AND (household_id IN (\(binds: households)) OR person_id IN (\(binds: persons)))"
    }
}
