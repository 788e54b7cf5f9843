import Fluent
import Foundation
import GatehouseCore
import GatehouseStore

/// Tenants' and migrants' stays: declared by the person or reported by an agency, then confirmed or refused by
/// the landlord. Confirming needs a proof (lease or other document photo) and registers the tenant in the household
/// with a temporary-resident pass.
struct TenancyService {
    let services: GatehouseServices
    let db: any Database

    /// A pending stay for `details` (a tenant's or migrant's declaration, or an agency's row); not yet stored.
    func pending(_ details: SelfRegistrationDetails, household: Household, source: String, reportedBy: UUID?, now: Date) -> Tenancy {
        let a = details.answers
        let sealer = services.sealer
        let t = Tenancy()
        t.id = UUID()
        t.communityID = household.communityID
        t.householdID = household.id!
        t.source = source
        t.reportedBy = reportedBy
        t.nameSealed = sealer.seal(details.name, context: "tenancy.name")
        t.nameMasked = PersonName.mask(details.name)
        t.idNumberSealed = sealer.seal(a.idNumber?.value ?? "", context: "tenancy.id_number")
        t.idNumberIndex = a.idNumber.map { services.blindIndex.idNumber($0) } ?? ""
        t.phoneSealed = sealer.seal(details.phone.value, context: "tenancy.phone")
        t.phoneMasked = details.phone.masked
        t.originCode = a.originCode ?? ""
        t.moveIn = (a.moveIn ?? CalendarDate(now)).description
        t.moveOut = a.moveOut?.description
        t.landlordPhoneIndex = a.landlordPhone.map { services.blindIndex.phone($0) } ?? ""
        t.status = Tenancy.Status.pending.rawValue
        t.createdAt = now
        return t
    }

    /// Whether `user` is the landlord the tenant named, and not contradicted by the landlord the office recorded.
    func isLandlord(_ user: User, of tenancy: Tenancy, household: Household) -> Bool {
        guard user.roleValue == .landlord, let index = user.phoneIndex, tenancy.landlordPhoneIndex == index else { return false }
        if let recorded = household.landlordUserID { return recorded == user.id }
        if let recorded = household.landlordPhoneIndex { return recorded == index }
        return true
    }

    /// The landlord confirms with a proof: the tenant is registered in the household and gets a temporary-resident
    /// pass (until the move-out date, or the community's pass validity).
    func confirm(_ tenancy: Tenancy, landlord: User, proof: Data?, via: String, operatorID: UUID? = nil) async throws -> Pass {
        guard let household = try await Household.find(tenancy.householdID, on: db), isLandlord(landlord, of: tenancy, household: household) else {
            throw AppError.notFound
        }
        guard tenancy.statusValue == .pending else {
            throw AppError(.conflict, "already_decided", zh: "该申报已处理", en: "This declaration has been decided")
        }
        guard let proof, !proof.isEmpty else {
            throw AppError(.unprocessableEntity, "proof_required", zh: "请上传租赁合同或其他证明材料的照片", en: "Attach a photo of the lease or another proof")
        }
        let landlordID = try landlord.requireID()
        let photo = try PhotoStore(services: services, db: db).photo(proof, community: tenancy.communityID, by: landlordID)
        let now = services.clock.now()
        let sealer = services.sealer
        let idText = try sealer.open(tenancy.idNumberSealed, context: "tenancy.id_number")
        guard let id = try? ResidentIDNumber(idText, today: services.today) else { throw AppError.notFound }
        let name = try sealer.open(tenancy.nameSealed, context: "tenancy.name")
        let phone = try? PhoneNumber(try sealer.open(tenancy.phoneSealed, context: "tenancy.phone"))
        return try await db.writeTransaction { tx in
            try await photo.create(on: tx)
            let person = try await PersonDirectory(services: services, db: tx, communityID: tenancy.communityID, actor: landlordID)
                .upsert(idNumber: id, name: name, phone: phone, card: nil, registeringBy: landlordID)
            let validity = try await Community.find(tenancy.communityID, on: tx)?.passValidityDays ?? 90
            let stayUntil = tenancy.moveOut ?? CalendarDate(now).adding(days: validity).description
            let resident = try await Resident.query(on: tx).filter(\.$communityID == tenancy.communityID).filter(\.$person.$id == person.id!).first()
                ?? Resident()
            if resident.id != nil, resident.$household.id != household.id {
                throw AppError(.conflict, "resident_elsewhere", zh: "此人已登记在本社区另一住户，请联系社区", en: "This person is registered in another household; contact the office")
            }
            if resident.id == nil {
                resident.id = UUID()
                resident.communityID = tenancy.communityID
                resident.$household.id = household.id!
                resident.$person.id = person.id!
                resident.createdAt = now
                resident.createdBy = landlordID
            }
            resident.category = ResidentCategory.temporary.rawValue
            resident.stayUntil = stayUntil
            try await resident.save(on: tx)
            tenancy.status = Tenancy.Status.confirmed.rawValue
            tenancy.decidedAt = now
            tenancy.decidedBy = landlordID
            tenancy.confirmedVia = via
            tenancy.confirmOperatorID = operatorID
            tenancy.proofPhotoID = photo.id
            tenancy.residentID = resident.id
            try await tenancy.save(on: tx)
            if household.landlordUserID == nil {
                household.landlordUserID = landlordID
                household.landlordPhoneIndex = landlord.phoneIndex
                if let sealed = landlord.phoneSealed, let phone = try? sealer.open(sealed, context: "user.phone") {
                    household.landlordPhoneSealed = sealer.seal(phone, context: "household.landlord_phone")
                    household.landlordPhoneMasked = PhoneNumber.mask(phone)
                }
                try await household.save(on: tx)
            }
            let pass = try await PassService(services: services, db: tx).issue(.temporaryResident, household: household, resident: resident, by: landlordID)
            tenancy.passID = pass.id
            try await tenancy.save(on: tx)
            if let rid = tenancy.registrationID, let r = try await SelfRegistration.find(rid, on: tx) {
                r.decide(.approved, by: landlordID, at: now, pass: pass.id)
                try await r.save(on: tx)
            }
            return pass
        }
    }

    func reject(_ tenancy: Tenancy, landlord: User, reason: String?) async throws {
        guard let household = try await Household.find(tenancy.householdID, on: db), isLandlord(landlord, of: tenancy, household: household) else {
            throw AppError.notFound
        }
        guard tenancy.statusValue == .pending else {
            throw AppError(.conflict, "already_decided", zh: "该申报已处理", en: "This declaration has been decided")
        }
        guard let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines), !reason.isEmpty, reason.count <= 100 else {
            throw AppError(.unprocessableEntity, "reason_required", zh: "请填写理由（100字以内）", en: "Give the reason (at most 100 characters)")
        }
        let now = services.clock.now()
        try await db.writeTransaction { tx in
            tenancy.status = Tenancy.Status.rejected.rawValue
            tenancy.decisionReason = reason
            tenancy.decidedAt = now
            tenancy.decidedBy = landlord.id
            try await tenancy.save(on: tx)
            if let rid = tenancy.registrationID, let r = try await SelfRegistration.find(rid, on: tx) {
                r.decide(.rejected, by: landlord.id, at: now, reason: reason)
                try await r.save(on: tx)
            }
        }
    }

    /// The landlord records the day a tenant moves out: the stay, the resident's stay and the pass end that day.
    func moveOut(_ tenancy: Tenancy, landlord: User, on text: String?) async throws {
        guard let household = try await Household.find(tenancy.householdID, on: db), isLandlord(landlord, of: tenancy, household: household),
              tenancy.statusValue == .confirmed else { throw AppError.notFound }
        let today = services.today
        guard let day = text.flatMap(CalendarDate.init(parsing:)), day >= today.adding(days: -30), day <= today.adding(days: 3660),
              day >= CalendarDate(parsing: tenancy.moveIn) ?? day else {
            throw AppError(.unprocessableEntity, "invalid_move_out", zh: "请选择退租日期（不早于入住日期）", en: "Choose the move-out date (not before moving in)")
        }
        try await db.writeTransaction { tx in
            tenancy.moveOut = day.description
            try await tenancy.save(on: tx)
            if let resident = try await Resident.find(tenancy.residentID, on: tx) {
                resident.stayUntil = day.description
                try await resident.save(on: tx)
            }
            if let pass = try await Pass.find(tenancy.passID, on: tx) {
                pass.expiresAt = min(pass.expiresAt, PassService.endOfDay(day))
                try await pass.save(on: tx)
            }
        }
    }

    /// The stays waiting for, or confirmed by, this landlord (newest first).
    func tenancies(of landlord: User) async throws -> [Tenancy] {
        guard let index = landlord.phoneIndex, let community = landlord.communityID else { return [] }
        return try await Tenancy.query(on: db).filter(\.$communityID == community).filter(\.$landlordPhoneIndex == index)
            .sort(\.$createdAt, .descending).limit(500).all()
    }

    /// Writes an agency's checked list: one pending stay per row, all or nothing. Rows naming a household the
    /// community does not have are problems too.
    func importAgencyList(_ sheet: TenantListSheet, community: UUID, agency: UUID) async throws -> [ImportProblem] {
        let now = services.clock.now()
        let households = try await Household.query(on: db).filter(\.$communityID == community).all()
        let byLabel = Dictionary(uniqueKeysWithValues: households.map { ($0.label, $0) })
        var problems: [ImportProblem] = []
        var stays: [Tenancy] = []
        for (row, line) in zip(sheet.rows, sheet.lines) {
            guard let label = row.answers.household?.label, let household = byLabel[label] else {
                problems.append(ImportProblem(line: line, column: "房号", message: LocalizedText(
                    zh: "本小区没有住户「\(row.answers.household?.label ?? "")」", en: "No household “\(row.answers.household?.label ?? "")” in this community")))
                continue
            }
            stays.append(pending(row, household: household, source: "agency", reportedBy: agency, now: now))
        }
        guard problems.isEmpty else { return problems }
        let rows = stays
        try await db.writeTransaction { tx in
            for stay in rows { try await stay.create(on: tx) }
        }
        return []
    }
}
