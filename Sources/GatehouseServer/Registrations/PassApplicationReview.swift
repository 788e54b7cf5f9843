import Fluent
import Foundation
import GatehouseCore
import GatehouseStore

/// The community office decides on a resident's pass application from the poster form: approving registers the
/// person in their household (created if new) and issues a personal pass; rejecting needs a reason.
struct PassApplicationReview {
    let services: GatehouseServices
    let db: any Database

    func approve(_ r: SelfRegistration, by admin: UUID) async throws -> Pass {
        try checkPending(r)
        let opened = r.opened(with: services.sealer)
        guard let address = opened.address, let idText = opened.idNumber,
              let id = try? ResidentIDNumber(idText, today: services.today) else {
            throw AppError(.unprocessableEntity, "application_incomplete", zh: "申请缺少住址或身份证号，请驳回", en: "The application lacks an address or ID number: reject it")
        }
        let now = services.clock.now()
        return try await db.writeTransaction { tx in
            let existing = try await Household.query(on: tx).filter(\.$communityID == r.communityID).filter(\.$label == address.label).first()
            let household = existing ?? Household(address: address, community: r.communityID, by: admin, now: now)
            if existing == nil { try await household.create(on: tx) }
            let person = try await PersonDirectory(services: services, db: tx, communityID: r.communityID, actor: admin)
                .upsert(idNumber: id, name: opened.name, phone: try? PhoneNumber(opened.phone), card: nil, registeringBy: admin)
            let resident = try await Resident.enrol(person: person.id!, in: household, by: admin, at: now, on: tx)
            let pass = try await PassService(services: services, db: tx).issue(.personal, household: household, resident: resident, by: admin)
            r.householdID = household.id
            r.decide(.approved, by: admin, at: now, pass: pass.id)
            try await r.save(on: tx)
            return pass
        }
    }

    func reject(_ r: SelfRegistration, reason: String?, by admin: UUID) async throws {
        try checkPending(r)
        guard let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines), !reason.isEmpty, reason.count <= 100 else {
            throw AppError(.unprocessableEntity, "reason_required", zh: "请填写不通过的理由（100字以内）", en: "Give the reason (at most 100 characters)")
        }
        let now = services.clock.now()
        r.decide(.rejected, by: admin, at: now, reason: reason)
        try await r.save(on: db)
    }

    private func checkPending(_ r: SelfRegistration) throws {
        guard r.categoryValue == .resident else { throw AppError.notFound }
        guard r.statusValue == .pending else {
            throw AppError(.conflict, "already_decided", zh: "该申请已处理", en: "This application has been decided")
        }
    }
}
