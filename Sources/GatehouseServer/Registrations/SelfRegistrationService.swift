import Fluent
import Foundation
import GatehouseCore
import GatehouseStore
import Vapor

/// Takes a checked self-registration from a gate's poster and keeps it: a repeated submission of the same person,
/// category and gate on the same day is merged into the first (same code, same link). A visitor's visit and a
/// returnee's report are created with it. Nothing here creates a passage: only an operator's scan does.
struct SelfRegistrationService {
    let services: GatehouseServices
    let db: any Database

    struct Submitted {
        let registration: SelfRegistration
        /// The secret of the person's status link.
        let statusToken: String
        let merged: Bool
    }

    /// The gate of a poster code, with its community.
    static func gate(posterCode: String?, on db: any Database) async throws -> (Checkpoint, Community) {
        let code = EnrolmentCode.normalise(posterCode ?? "")
        guard !code.isEmpty, let gate = try await Checkpoint.query(on: db).filter(\.$registrationCode == code).with(\.$community).first()
        else {
            throw AppError(.notFound, "unknown_poster", zh: "登记二维码无效，请扫描门岗张贴的二维码", en: "Unknown registration code: scan the QR code posted at the gate")
        }
        guard gate.community.stoodDownAt == nil else { throw GateAccess.standingDown }
        return (gate, gate.community)
    }

    func submit(_ details: SelfRegistrationDetails, gate: Checkpoint, community: Community) async throws -> Submitted {
        let now = services.clock.now()
        let today = services.today
        let category = details.category
        let household = try await household(details.answers.household, community: community.id!)
        if household == nil, [.visitor, .courier, .tenant, .migrant].contains(category) {
            throw AppError(.unprocessableEntity, "unknown_household",
                           zh: "本小区没有这个住户，请核对楼栋、单元和房号", en: "No such household in this community: check the building, unit and room")
        }
        let phoneIndex = services.blindIndex.phone(details.phone)
        return try await db.writeTransaction { tx in
            if let same = try await SelfRegistration.query(on: tx).filter(\.$checkpointID == gate.id!)
                .filter(\.$category == category.rawValue).filter(\.$phoneIndex == phoneIndex).filter(\.$day == today.description)
                .filter(\.$status == SelfRegistration.Status.pending.rawValue).first() {
                same.fill(from: details, services: services)
                same.householdID = household?.id
                same.submissions += 1
                same.updatedAt = now
                try await same.save(on: tx)
                try await attach(same, details: details, household: household, community: community, now: now, on: tx)
                let token = try services.sealer.open(same.statusTokenSealed, context: "self_registration.status_token")
                return Submitted(registration: same, statusToken: token, merged: true)
            }
            let token = BearerTokenAuthenticator.newToken()
            let r = SelfRegistration()
            r.id = UUID()
            r.communityID = community.id!
            r.checkpointID = gate.id!
            r.category = category.rawValue
            r.code = try await freshCode(community: community.id!, now: now, on: tx)
            r.codeExpiresAt = Self.codeExpiry(category, today: today)
            r.statusTokenHash = BearerTokenAuthenticator.hash(token)
            r.statusTokenSealed = services.sealer.seal(token, context: "self_registration.status_token")
            r.status = SelfRegistration.Status.pending.rawValue
            r.fill(from: details, services: services)
            r.householdID = household?.id
            r.day = today.description
            r.submissions = 1
            r.createdAt = now
            r.updatedAt = now
            try await r.create(on: tx)
            try await attach(r, details: details, household: household, community: community, now: now, on: tx)
            return Submitted(registration: r, statusToken: token, merged: false)
        }
    }

    /// A visitor's code lasts the day; a pass application or a declared stay a week (the office or landlord decides).
    static func codeExpiry(_ category: RegistrationCategory, today: CalendarDate) -> Date {
        switch category {
        case .resident, .tenant, .migrant: return PassService.endOfDay(today.adding(days: 7))
        case .visitor, .courier, .returnee: return PassService.endOfDay(today)
        }
    }

    /// The registration behind a status link.
    static func registration(statusToken: String?, on db: any Database) async throws -> SelfRegistration {
        guard let statusToken, statusToken.count <= 100,
              let r = try await SelfRegistration.query(on: db).filter(\.$statusTokenHash == BearerTokenAuthenticator.hash(statusToken)).first()
        else { throw AppError.notFound }
        return r
    }

    private func household(_ address: HouseholdAddress?, community: UUID) async throws -> Household? {
        guard let address else { return nil }
        return try await Household.query(on: db).filter(\.$communityID == community).filter(\.$label == address.label).first()
    }

    /// A visitor's visit (one per registration) and a returnee's report (replaced on a merge).
    private func attach(_ r: SelfRegistration, details: SelfRegistrationDetails, household: Household?, community: Community,
                        now: Date, on tx: any Database) async throws {
        switch details.category {
        case .visitor:
            guard let household else { return }
            let existing = try await Visit.query(on: tx).filter(\.$registrationID == r.id!).first()
            let visit = existing ?? Visit()
            if existing == nil {
                visit.id = UUID()
                visit.communityID = community.id!
                visit.registrationID = r.id!
                visit.day = r.day
                visit.householdID = household.id!
                visit.createdAt = now
            } else if visit.householdID != household.id {
                // Another household now: an earlier host's word does not carry over.
                visit.householdID = household.id!
                visit.vouchedAt = nil; visit.vouchedVia = nil; visit.vouchedByResidentID = nil; visit.vouchedByUserID = nil
                visit.vouchPassID = nil; visit.vouchOperatorID = nil; visit.declinedAt = nil; visit.declinedBy = nil
            }
            try await visit.save(on: tx)
        case .tenant, .migrant:
            guard let household else { return }
            try await Tenancy.query(on: tx).filter(\.$registrationID == r.id!).filter(\.$status == Tenancy.Status.pending.rawValue).delete()
            let stay = TenancyService(services: services, db: tx).pending(details, household: household, source: "self", reportedBy: nil, now: now)
            stay.registrationID = r.id
            try await stay.create(on: tx)
        case .returnee:
            try await ReturneeReport.query(on: tx).filter(\.$registrationID == r.id!).delete()
            let report = try await ReturneeReports(services: services, db: tx)
                .report(details, household: household, community: community, filedBy: nil, now: now)
            report.registrationID = r.id
            try await report.create(on: tx)
        default:
            break
        }
    }

    private func freshCode(community: UUID, now: Date, on tx: any Database) async throws -> String {
        while true {
            let code = RegistrationCode.random().value
            let taken = try await SelfRegistration.query(on: tx).filter(\.$communityID == community).filter(\.$code == code)
                .filter(\.$codeExpiresAt > now).count()
            if taken == 0 { return code }
        }
    }
}
