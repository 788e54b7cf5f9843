import Fluent
import Foundation
import GatehouseCore

/// A self-registration scanned at its gate: what it is, whom it concerns, and where it stands with the gate's rules.
struct RegistrationAtGate {
    let registration: SelfRegistration
    let opened: SelfRegistration.Opened
    let household: Household?
    let visit: Visit?
    /// A returnee or an approved applicant who is a member of the household.
    let member: Resident?

    var category: RegistrationCategory { registration.categoryValue }

    /// The standing the entry policy applies.
    func standing(today: CalendarDate) -> EntryRequest.Standing {
        switch category {
        case .courier:
            return .courier
        case .visitor:
            guard let visit, visit.day == today.description, visit.enteredAt == nil else { return .visitOver }
            if household?.homeQuarantine == true { return .visitingQuarantinedHousehold }
            return visit.isVouched ? .visitorEscorted : .visitorWithoutHost
        case .returnee:
            return member != nil ? .registered : .unregistered
        case .resident, .tenant, .migrant:
            return registration.passID != nil ? .registered : .awaitingConfirmation
        }
    }

    /// Finds the registration of this code for this gate; refuses unknown, expired and other gates' codes.
    static func resolve(_ text: String, gate: Checkpoint, services: GatehouseServices, db: any Database) async throws -> RegistrationAtGate {
        guard let code = RegistrationCode(parsing: text),
              let r = try await SelfRegistration.query(on: db).filter(\.$communityID == gate.$community.id)
                .filter(\.$code == code.value).sort(\.$createdAt, .descending).first()
        else {
            throw AppError(.notFound, "unknown_registration", zh: "登记码无效：请让来人在本门岗扫码登记", en: "Unknown registration code: ask the person to register with this gate's QR code")
        }
        guard r.checkpointID == gate.id else {
            let other = try await Checkpoint.find(r.checkpointID, on: db)?.name ?? ""
            throw AppError(.unprocessableEntity, "registration_other_gate",
                           zh: "这是在\(other)的登记，请在本门岗重新扫码登记", en: "Registered at \(other): register again with this gate's QR code")
        }
        let found = try await load(r, services: services, db: db)
        // Past its day a code is dead — except to let out a visitor who is still inside.
        let stillInside = found.visit.map { $0.enteredAt != nil && $0.exitedAt == nil } ?? false
        guard r.codeExpiresAt > services.clock.now() || stillInside else {
            throw AppError(.unprocessableEntity, "registration_expired", zh: "登记码已过期，请重新扫码登记", en: "The registration code has expired: register again")
        }
        return found
    }

    static func load(_ r: SelfRegistration, services: GatehouseServices, db: any Database) async throws -> RegistrationAtGate {
        let household = try await Household.find(r.householdID, on: db)
        let visit = r.categoryValue == .visitor ? try await Visit.query(on: db).filter(\.$registrationID == r.id!).first() : nil
        var member: Resident?
        if let household, let index = r.idNumberIndex, [.returnee, .resident, .tenant, .migrant].contains(r.categoryValue) {
            member = try await HouseholdDirectory(db: db).member(of: household.id!, idNumberIndex: index)
        }
        return RegistrationAtGate(registration: r, opened: r.opened(with: services.sealer), household: household, visit: visit, member: member)
    }
}
