import Fluent
import Foundation
import GatehouseCore
import Vapor

/// A member of a household as the admin's and the resident's pages show it: masked.
struct HouseholdMember: Content {
    let residentId: UUID
    let nameMasked: String
    let phoneMasked: String
    let idNumberMasked: String?
    let category: String
    let categoryLabel: String
    let stayUntil: String?
    let hasAccount: Bool

    static func list(_ household: Household, services: GatehouseServices, language: Language, on db: any Database) async throws -> [HouseholdMember] {
        let residents = try await Resident.query(on: db).filter(\.$household.$id == household.id!).with(\.$person).sort(\.$createdAt).all()
        return residents.map { r in
            let category = ResidentCategory(rawValue: r.category) ?? .permanent
            let id = r.person.idNumberSealed.flatMap { try? services.sealer.open($0, context: "person.id_number") }
            return HouseholdMember(residentId: r.id!, nameMasked: r.person.nameMasked, phoneMasked: r.person.phoneMasked,
                                   idNumberMasked: id.map(ResidentIDNumber.mask),
                                   category: category.rawValue, categoryLabel: category.label.text(for: language.rawValue),
                                   stayUntil: r.stayUntil, hasAccount: r.userID != nil)
        }
    }
}
