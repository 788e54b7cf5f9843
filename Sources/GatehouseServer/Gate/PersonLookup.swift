import Fluent
import Foundation
import GatehouseCore
import SQLKit
import Vapor

/// `POST /api/v1/people/lookup`: what the gate needs to know of an ID number before the passage — the facts the
/// number itself carries, and whether the community knows the person: masked name and phone, registered or not, their
/// household, a quarantine, a pending re-measure. Never the full name or what a card once read said (address,
/// ethnicity, authority): the card's printed details reach the gate only from a live card read at it. Each look-up is
/// written to the audit log (the person sees it in their data report) and an operator may make `perHour` an hour.
struct PersonLookup {
    struct Input: Content {
        var checkpointId: UUID
        var idNumber: String
    }

    struct Result: Content {
        let idNumber: String
        let documentKind: String
        let documentLabel: String
        let sex: String
        let sexLabel: String
        let birthDate: String
        let age: Int
        let division: String
        let divisionKnown: Bool
        let known: Bool
        let registered: Bool
        let nameMasked: String?
        let phoneMasked: String?
        let cardValidUntil: String?
        let cardExpired: Bool
        /// The household the person lives in, by its label.
        let householdLabel: String?
        /// For a member of a quarantined household: until when and why they may not go out.
        let quarantineNotice: String?
        /// A first high reading waiting for its re-measure: the card takes the re-measure, not a new passage.
        let pendingRemeasure: PendingRemeasure?
        /// An operator proposed the person for registration and the office has not checked yet.
        let registrationProposed: Bool
    }

    let services: GatehouseServices
    let db: any Database
    let language: Language

    func lookup(_ input: Input, by user: User) async throws -> Result {
        let (gate, community) = try await GateAccess.checkpoint(input.checkpointId, for: user, on: db)
        let id = try GateService.idNumber(input.idNumber, today: services.today)
        let audit = LookupAudit(services: services, db: db)
        try await audit.allow(user)
        let directory = PersonDirectory(services: services, db: db, communityID: community.id!, actor: try user.requireID())
        let person = try await directory.find(idNumber: id)
        let division = services.divisions.lookup(id.divisionCode, inYear: id.birthDate.year)
        let validUntil = person?.cardValidUntil.flatMap { CalendarDate(parsing: $0) }
        let lang = language.rawValue
        var household: Household?
        if let person { household = try await HouseholdDirectory(db: db).household(of: person) }
        let pending = try await PendingRemeasure.find(
            community: community.id!, personID: person?.id, passID: nil,
            restSeconds: GateService.feverRule(of: community).restSeconds, on: db as! any SQLDatabase)
        let proposed = person.map { !$0.isRegistered } == true
            ? try await RegistrationProposals(services: services, db: db).pending(person: person!.id!, community: community.id!) != nil : false
        try await audit.record(user, person: person?.id, community: community, gate: gate)
        let notice = try await QuarantineOrders(services: services, db: db).notice(household: household, language: language)
        return Result(idNumber: id.value, documentKind: id.kind.rawValue, documentLabel: id.kind.label.text(for: lang),
                      sex: id.sex.rawValue, sexLabel: id.sex.label.text(for: lang), birthDate: id.birthDate.description,
                      age: id.age(on: services.today), division: division.fullName, divisionKnown: division.isKnown,
                      known: person != nil, registered: person?.isRegistered ?? false,
                      nameMasked: person?.nameMasked,
                      phoneMasked: person.map(\.phoneMasked).flatMap { $0.isEmpty ? nil : $0 },
                      cardValidUntil: validUntil?.description, cardExpired: validUntil.map { $0 < services.today } ?? false,
                      householdLabel: household?.label, quarantineNotice: notice, pendingRemeasure: pending,
                      registrationProposed: proposed)
    }
}
