import Fluent
import Foundation
import GatehouseCore

/// A resident of the host household vouches for a visitor — at the gate (their pass scanned by the operator) or on
/// their resident page — or declines. Only on the visit's day and before the visitor has come in.
struct VisitVouching {
    let services: GatehouseServices
    let db: any Database

    /// The host's pass, scanned at the gate by `operatorUser`.
    func atGate(_ visit: Visit, passCode: String, operatorUser: UUID) async throws {
        try checkOpen(visit)
        let host = try await PassResolver(services: services, db: db).resolve(passCode, community: visit.communityID)
        if let refusal = host.refusal { throw AppError(.unprocessableEntity, refusal.code, refusal.message) }
        guard let pass = host.pass, pass.$household.id == visit.householdID else {
            throw AppError(.unprocessableEntity, "host_other_household",
                           zh: "这不是被访住户的通行证：须由被访住户本人担保", en: "This pass is not the host household's: a member of the host household must vouch")
        }
        visit.vouchedVia = "gate"
        visit.vouchPassID = pass.id
        visit.vouchedByResidentID = host.resident?.id
        visit.vouchOperatorID = operatorUser
        try await vouched(visit)
    }

    /// The resident (signed in) vouches on their phone.
    func fromApp(_ visit: Visit, resident: Resident, user: UUID) async throws {
        try checkOpen(visit)
        guard resident.$household.id == visit.householdID else { throw AppError.notFound }
        visit.vouchedVia = "app"
        visit.vouchedByResidentID = resident.id
        visit.vouchedByUserID = user
        try await vouched(visit)
    }

    /// The resident does not know the visitor, or does not want the visit.
    func decline(_ visit: Visit, resident: Resident, user: UUID) async throws {
        try checkOpen(visit)
        guard resident.$household.id == visit.householdID else { throw AppError.notFound }
        visit.declinedAt = services.clock.now()
        visit.declinedBy = user
        visit.vouchedAt = nil
        try await visit.save(on: db)
    }

    private func vouched(_ visit: Visit) async throws {
        visit.vouchedAt = services.clock.now()
        visit.declinedAt = nil
        visit.declinedBy = nil
        try await visit.save(on: db)
    }

    private func checkOpen(_ visit: Visit) throws {
        guard visit.day == services.today.description, visit.enteredAt == nil else {
            throw AppError(.conflict, "visit_over", EntryReason.visitOver.message)
        }
    }
}
