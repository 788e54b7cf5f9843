import Fluent
import Foundation
import GatehouseCore
import SQLKit
import Vapor

/// `POST /api/v1/registrations/scan`: what the gate screen shows for a scanned self-registration before the
/// temperature — who, for which household, and what the gate's rule for the category says.
struct RegistrationScan {
    struct Input: Content {
        var checkpointId: UUID
        var code: String
        /// The way the gate is working (`in` or `out`): a visitor going out is told so, not refused.
        var direction: String?
    }

    struct VouchInput: Content {
        var checkpointId: UUID
        var passCode: String
    }

    struct Fact: Content {
        let label: String
        let value: String
    }

    struct Result: Content {
        let id: UUID
        let code: String
        let category: String
        let categoryLabel: String
        let name: String
        let phoneMasked: String
        let householdLabel: String?
        let homeQuarantine: Bool
        /// For a member of a quarantined household: until when and why they may not go out.
        let quarantineNotice: String?
        let facts: [Fact]
        /// What the entry policy will say (`courier`, `visitorWithoutHost`, `visitorEscorted`, …).
        let standing: String
        /// The gate's rule for this person, to read before measuring.
        let instruction: ReasonView?
        /// A visitor waiting for a resident of the host household to vouch.
        let needsHost: Bool
        let visitId: UUID?
        /// A tenant's or migrant's stay waiting for the landlord: at the gate, the landlord's code and a proof photo.
        let needsLandlord: Bool
        /// A first high reading waiting for its re-measure: the card takes the re-measure, not a new passage.
        let pendingRemeasure: PendingRemeasure?
    }

    let services: GatehouseServices
    let db: any Database
    let language: Language

    func scan(_ input: Input, by user: User) async throws -> Result {
        let (gate, _) = try await GateAccess.checkpoint(input.checkpointId, for: user, on: db)
        let reg = try await RegistrationAtGate.resolve(input.code, gate: gate, services: services, db: db)
        return try await view(reg, direction: input.direction.flatMap(Direction.init(rawValue:)) ?? .in)
    }

    func vouch(_ registrationID: UUID?, _ input: VouchInput, by user: User) async throws -> Result {
        let (gate, _) = try await GateAccess.checkpoint(input.checkpointId, for: user, on: db)
        guard let registrationID, let r = try await SelfRegistration.find(registrationID, on: db), r.checkpointID == gate.id,
              let visit = try await Visit.query(on: db).filter(\.$registrationID == registrationID).first()
        else { throw AppError.notFound }
        try await VisitVouching(services: services, db: db).atGate(visit, passCode: input.passCode, operatorUser: try user.requireID())
        return try await view(try await RegistrationAtGate.load(r, services: services, db: db))
    }

    /// The landlord, present at the gate, confirms a tenant: their code scanned and a proof photographed.
    func landlordConfirmation(_ registrationID: UUID?, checkpointID: UUID?, landlordCode: String?, proof: Data, by user: User) async throws -> Result {
        let (gate, _) = try await GateAccess.checkpoint(checkpointID, for: user, on: db)
        guard let registrationID, let r = try await SelfRegistration.find(registrationID, on: db), r.checkpointID == gate.id,
              let tenancy = try await Tenancy.query(on: db).filter(\.$registrationID == registrationID).sort(\.$createdAt, .descending).first()
        else { throw AppError.notFound }
        guard let id = landlordCode.flatMap(LandlordCode(services: services).accountID), let landlord = try await User.find(id, on: db),
              landlord.isActive, landlord.communityID == r.communityID else {
            throw AppError(.unprocessableEntity, "invalid_landlord_code", zh: "房东确认码无效或已过期，请房东刷新后重新出示", en: "The landlord's code is invalid or expired: refresh it and show it again")
        }
        guard let household = try await Household.find(tenancy.householdID, on: db),
              TenancyService(services: services, db: db).isLandlord(landlord, of: tenancy, household: household) else {
            throw AppError(.unprocessableEntity, "not_the_landlord", zh: "这不是该租户申报的房东", en: "This is not the landlord the tenant named")
        }
        _ = try await TenancyService(services: services, db: db).confirm(tenancy, landlord: landlord, proof: proof, via: "gate", operatorID: try user.requireID())
        guard let fresh = try await SelfRegistration.find(registrationID, on: db) else { throw AppError.notFound }
        return try await view(try await RegistrationAtGate.load(fresh, services: services, db: db))
    }

    func view(_ reg: RegistrationAtGate, direction: Direction = .in) async throws -> Result {
        let lang = language.rawValue
        let a = reg.opened.answers
        var facts: [Fact] = []
        func add(_ field: RegistrationField, _ value: String?) {
            if let value, !value.isEmpty { facts.append(Fact(label: field.label.text(for: lang), value: value)) }
        }
        add(.idNumber, reg.opened.idNumber.map(ResidentIDNumber.mask))
        add(.platform, a["platform"])
        add(.visitPurpose, a["visitPurpose"])
        if let origin = a["origin"] { add(.origin, services.divisions.lookup(origin).fullName) }
        add(.arrivalDate, a["arrivalDate"])
        if let t = a["transport"].flatMap(TransportMode.init(rawValue:)) {
            add(.transport, t.label.text(for: lang) + (a["transportNumber"].map { " " + $0 } ?? ""))
        }
        if let s = a["symptoms"] {
            add(.symptoms, s == "none" ? LocalizedText(zh: "无", en: "None").text(for: lang)
                : s.split(separator: ",").compactMap { Symptom(rawValue: String($0))?.label.text(for: lang) }.joined(separator: "、"))
        }
        add(.moveIn, a["moveIn"])
        if let visit = reg.visit, let at = visit.vouchedAt, visit.declinedAt == nil {
            let via = visit.vouchedVia == "gate" ? LocalizedText(zh: "门口扫证", en: "pass at the gate") : LocalizedText(zh: "手机担保", en: "on the phone")
            let host = try await vouchingResidentName(visit)
            facts.append(Fact(label: LocalizedText(zh: "担保住户", en: "Vouched by").text(for: lang),
                              value: [host, via.text(for: lang), Self.time(at)].compactMap { $0 }.joined(separator: " · ")))
        }
        if reg.visit?.declinedAt != nil {
            facts.append(Fact(label: LocalizedText(zh: "担保住户", en: "Vouched by").text(for: lang),
                              value: LocalizedText(zh: "住户已拒绝此来访", en: "The household declined this visit").text(for: lang)))
        }
        let standing = reg.standing(today: services.today)
        let people = PersonDirectory(services: services, db: db, communityID: reg.registration.communityID, actor: nil)
        let person = try await people.find(registrationOf: reg.opened)
        let pending = try await PendingRemeasure.find(
            community: reg.registration.communityID, personID: person?.id, passID: nil,
            restSeconds: try await Self.restSeconds(reg.registration.communityID, on: db), on: db as! any SQLDatabase)
        let leaving = direction == .out && [.visitorWithoutHost, .visitorEscorted, .visitOver].contains(standing)
        let rule: EntryReason? = switch standing {
        case .courier: .courierNoEntry
        case .visitorWithoutHost: .visitorNeedsHost
        case .visitorEscorted: .visitorEscorted
        case .visitOver: .visitOver
        case .visitingQuarantinedHousehold: .visitHouseholdQuarantined
        case .awaitingConfirmation: .awaitingConfirmation
        case .unregistered: .notRegistered
        case .proposed(admitted: true): .proposedRegistration
        case .proposed(admitted: false): .proposedRegistrationWaits
        case .registered: nil
        }
        let instruction = leaving ? .visitorLeaving : rule
        return Result(id: reg.registration.id!, code: reg.registration.code, category: reg.category.rawValue,
                      categoryLabel: reg.category.label.text(for: lang), name: reg.opened.name,
                      phoneMasked: reg.registration.phoneMasked, householdLabel: reg.household?.label ?? reg.registration.householdLabel,
                      homeQuarantine: reg.household?.homeQuarantine ?? false,
                      quarantineNotice: reg.member == nil ? nil
                          : try await QuarantineOrders(services: services, db: db).notice(household: reg.household, language: language),
                      facts: facts, standing: "\(standing)",
                      instruction: instruction.map { ReasonView($0, language: language) },
                      needsHost: standing == .visitorWithoutHost && !leaving, visitId: reg.visit?.id,
                      needsLandlord: standing == .awaitingConfirmation && [.tenant, .migrant].contains(reg.category)
                          && reg.registration.statusValue == .pending,
                      pendingRemeasure: pending)
    }

    private static func restSeconds(_ communityID: UUID, on db: any Database) async throws -> Int {
        guard let community = try await Community.find(communityID, on: db) else { return FeverRule.standard.restSeconds }
        return GateService.feverRule(of: community).restSeconds
    }

    private func vouchingResidentName(_ visit: Visit) async throws -> String? {
        guard let id = visit.vouchedByResidentID, let resident = try await Resident.find(id, on: db),
              let person = try await Person.find(resident.$person.id, on: db) else { return nil }
        return person.nameMasked
    }

    static func time(_ date: Date) -> String {
        ChinaTime.text(date, "HH:mm")
    }
}
