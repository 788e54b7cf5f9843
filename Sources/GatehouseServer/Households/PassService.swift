import Fluent
import Foundation
import GatehouseCore
import GatehouseStore
import Vapor

/// Issues passes and changes their status; every change says who and when. Tokens are signed on demand from the
/// row (the row is the truth: a revoked pass's token stops working everywhere the server is asked).
struct PassService {
    let services: GatehouseServices
    let db: any Database

    /// Issues a pass of `kind`: household passes one active per household; personal, temporary-resident and staff
    /// passes for a resident of the matching category. Expiry defaults to the community's validity, never past a
    /// temporary stay.
    func issue(_ kind: PassKind, household: Household, resident: Resident?, expiresOn: CalendarDate? = nil,
               by user: UUID, replacing old: Pass? = nil) async throws -> Pass {
        guard let community = try await Community.find(household.communityID, on: db) else { throw AppError.notFound }
        let now = services.clock.now()
        if kind == .household {
            guard resident == nil else { throw Self.invalid("household_pass_for_resident", zh: "家庭通行证发给整户，不指定个人", en: "A household pass is for the whole household") }
            let active = try await Pass.query(on: db).filter(\.$household.$id == household.id!).filter(\.$kind == kind.code)
                .filter(\.$status != Pass.Status.revoked.rawValue).filter(\.$expiresAt > now).count()
            if active > 0, old == nil {
                throw AppError(.conflict, "household_pass_exists", zh: "该户已有有效的家庭通行证（每户一证）", en: "This household already has a valid household pass (one per household)")
            }
        } else {
            guard let resident, resident.$household.id == household.id else {
                throw Self.invalid("resident_required", zh: "请选择持证居民", en: "Choose the resident the pass is for")
            }
            let category = ResidentCategory(rawValue: resident.category) ?? .permanent
            guard category.passKind == kind else {
                throw Self.invalid("kind_not_for_category", LocalizedText(
                    zh: "\(category.label.zh)人员应办理\(category.passKind.label.zh)", en: "\(category.label.en) residents get a \(category.passKind.label.en)"))
            }
        }
        if kind == .temporaryResident, let resident {
            // Henan guide: a tenant's pass only after the landlord has confirmed and a proof is attached.
            let confirmed = try await Tenancy.query(on: db).filter(\.$residentID == resident.id).filter(\.$status == Tenancy.Status.confirmed.rawValue)
                .filter(\.$proofPhotoID != nil).count()
            guard confirmed > 0 else {
                throw Self.invalid("tenancy_unconfirmed", zh: "暂住通行证须房东确认并附租赁凭证后才能发放", en: "A temporary-resident pass needs the landlord's confirmation and a proof first")
            }
        }
        var expiry = now + TimeInterval(community.passValidityDays * 86_400)
        if let expiresOn { expiry = Self.endOfDay(expiresOn) }
        if kind == .temporaryResident, let stay = resident?.stayUntil.flatMap(CalendarDate.init(parsing:)) {
            expiry = min(expiry, Self.endOfDay(stay))
        }
        guard expiry > now else { throw Self.invalid("expiry_in_past", zh: "有效期必须晚于现在", en: "The expiry must be in the future") }
        let pass = Pass()
        pass.id = UUID()
        pass.communityID = household.communityID
        pass.$household.id = household.id!
        pass.$resident.id = resident?.id
        pass.kind = kind.code
        pass.status = Pass.Status.active.rawValue
        pass.shortCode = try await freshShortCode(community: household.communityID)
        pass.issuedAt = now
        pass.issuedBy = user
        pass.expiresAt = Date(timeIntervalSince1970: expiry.timeIntervalSince1970.rounded(.down))
        pass.replacesID = old?.id
        try await pass.create(on: db)
        return pass
    }

    /// Suspends, resumes or revokes; a revoked pass never comes back.
    func change(_ pass: Pass, to status: Pass.Status, reason: String?, by user: UUID) async throws {
        switch (pass.statusValue, status) {
        case (.active, .suspended), (.suspended, .active), (.active, .revoked), (.suspended, .revoked): break
        default:
            throw AppError(.conflict, "pass_status_unchanged", zh: "通行证当前状态不能这样变更", en: "The pass cannot change that way from its current status")
        }
        pass.status = status.rawValue
        pass.statusReason = reason.map { String($0.prefix(200)) }
        pass.statusChangedAt = services.clock.now()
        pass.statusChangedBy = user
        try await pass.save(on: db)
    }

    /// Revokes the pass and issues its successor (same kind, household and holder): the old token stops working.
    func reissue(_ pass: Pass, by user: UUID) async throws -> Pass {
        guard pass.statusValue != .revoked else {
            throw AppError(.conflict, "pass_revoked", zh: "已作废的通行证不能补办，请新办", en: "A revoked pass cannot be reissued; issue a new one")
        }
        return try await db.writeTransaction { tx in
            let here = PassService(services: services, db: tx)
            try await here.change(pass, to: .revoked, reason: "reissued", by: user)
            guard let household = try await Household.find(pass.$household.id, on: tx) else { throw AppError.notFound }
            let resident = try await Resident.find(pass.$resident.id, on: tx)
            return try await here.issue(PassKind(code: pass.kind) ?? .household, household: household, resident: resident,
                                        by: user, replacing: pass)
        }
    }

    static func endOfDay(_ day: CalendarDate) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .chinaStandard
        let start = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))!
        return start + 86_399
    }

    private func freshShortCode(community: UUID) async throws -> String {
        for _ in 0..<8 {
            let code = PassShortCode.random().value
            if try await Pass.query(on: db).filter(\.$communityID == community).filter(\.$shortCode == code).count() == 0 { return code }
        }
        throw AppError(.internalServerError, "short_code_exhausted", zh: "请重试", en: "Try again")
    }

    static func invalid(_ code: String, zh: String, en: String) -> AppError { AppError(.unprocessableEntity, code, zh: zh, en: en) }
    static func invalid(_ code: String, _ message: LocalizedText) -> AppError { AppError(.unprocessableEntity, code, message) }
}
