import Fluent
import Foundation
import GatehouseCore
import Vapor

/// A person's data in full — name, ID number, phone, the address on their ID card — opened only after a stated
/// reason (4 to 100 characters) and audited as `reveal` with it. Lists always mask; this is the one way round it.
/// Who may reveal: community and district admins (a household member on the household page; the person of a
/// fever case) and health staff (the person of a fever case in their area).
struct PersonReveal: Encodable {
    let name: String
    let idNumber: String?
    let phone: String?
    let address: String?

    /// The reason in the request's `reason` form field, or nil when it is missing, too short or too long.
    static func reason(of req: Request) -> String? {
        struct Form: Decodable { let reason: String? }
        let reason = (try? req.content.decode(Form.self))?.reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return (4...100).contains(reason.count) ? reason : nil
    }

    /// Opens `person`'s name and phone only (a contact to call back), audited as a reveal of the phone (`detail` phone).
    static func openPhone(_ person: Person, reason: String, by user: User, target: String,
                          services: GatehouseServices, db: any Database) async throws -> PersonReveal {
        let sealer = services.sealer
        func open(_ sealed: String?, _ context: String) -> String? { sealed.flatMap { try? sealer.open($0, context: context) } }
        try await AuditLog(services: services, db: db).record(.reveal, by: user, community: person.communityID, target: target,
                                                              detail: "phone", reason: reason)
        return PersonReveal(name: open(person.nameSealed, "person.name") ?? person.nameMasked, idNumber: nil,
                            phone: open(person.phoneSealed, "person.phone"), address: nil)
    }

    /// Opens `person`'s sealed fields and records the reveal (`target` names what it was about; include the person's
    /// id so the person finds it in their subject access report).
    static func open(_ person: Person, reason: String, by user: User, community: UUID, target: String,
                     services: GatehouseServices, db: any Database) async throws -> PersonReveal {
        let sealer = services.sealer
        func open(_ sealed: String?, _ context: String) -> String? { sealed.flatMap { try? sealer.open($0, context: context) } }
        let card = open(person.cardSealed, "person.card").flatMap { try? JSONDecoder().decode(CardDetails.self, from: Data($0.utf8)) }
        try await AuditLog(services: services, db: db).record(.reveal, by: user, community: community, target: target,
                                                              detail: "id number, phone, address", reason: reason)
        return PersonReveal(name: open(person.nameSealed, "person.name") ?? person.nameMasked,
                            idNumber: open(person.idNumberSealed, "person.id_number"), phone: open(person.phoneSealed, "person.phone"),
                            address: card?.address)
    }
}
