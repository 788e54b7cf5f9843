import Fluent
import Foundation
import GatehouseCore
import GatehouseStore
import Vapor

/// Imports households and residents from a checked sheet, all in one transaction: a file with any bad row imports
/// nothing, and the report names every problem by line and column. Residents already known are updated, never
/// duplicated; everyone imported is registered with the community.
struct HouseholdImport {
    struct Problem: Content {
        let line: Int
        let column: String?
        let message: String
    }

    struct Result: Content {
        let ok: Bool
        let rows: Int
        let householdsCreated: Int
        let residentsCreated: Int
        let residentsUpdated: Int
        let problems: [Problem]
        /// Rows imported that the office should check (an ID number whose division code exists in no year).
        var warnings: [Problem] = []
    }

    let services: GatehouseServices
    let db: any Database
    let language: Language

    /// The sheet, or the failed result that says what is wrong with the file (nothing is written either way).
    func read(_ data: Data) -> Swift.Result<ResidentImportSheet, Failed> {
        let lang = language.rawValue
        guard let text = ImportText.decode(data) else {
            return .failure(Failed(result: failure([Problem(line: 1, column: nil, message: LocalizedText(
                zh: "无法读取文件编码，请另存为 CSV（UTF-8）", en: "Cannot read the file's encoding; save it as CSV (UTF-8)").text(for: lang))])))
        }
        let sheet = ResidentImportSheet(csv: text, today: services.today, divisions: services.divisions)
        guard sheet.problems.isEmpty else {
            return .failure(Failed(result: failure(sheet.problems.map { Problem(line: $0.line, column: $0.column, message: $0.message.text(for: lang)) })))
        }
        return .success(sheet)
    }

    struct Failed: Error { let result: Result }

    /// Runs the import; `progress(done, total)` is told as rows are written.
    func run(_ data: Data, community: Community, by user: UUID,
             progress: @escaping @Sendable (Int, Int) async -> Void = { _, _ in }) async throws -> Result {
        let sheet: ResidentImportSheet
        switch read(data) {
        case .success(let read): sheet = read
        case .failure(let failed): return failed.result
        }
        let lang = language.rawValue
        let rows = sheet.rows
        let communityID = community.id!
        let now = services.clock.now()
        do {
            return try await db.writeTransaction { tx in
                var households = Dictionary(uniqueKeysWithValues: try await Household.query(on: tx)
                    .filter(\.$communityID == communityID).all().map { ($0.label, $0) })
                let people = PersonDirectory(services: services, db: tx, communityID: communityID, actor: user)
                var created = (households: 0, residents: 0, updated: 0)
                for (index, row) in rows.enumerated() {
                    let household: Household
                    if let known = households[row.address.label] { household = known } else {
                        household = Household(address: row.address, community: communityID, by: user, now: now)
                        try await household.create(on: tx)
                        households[household.label] = household
                        created.households += 1
                    }
                    if let landlordPhone = row.landlordPhone {
                        try await setLandlord(household, name: row.landlordName, phone: landlordPhone, on: tx)
                    }
                    let person = try await people.upsert(idNumber: row.idNumber, name: row.name, phone: row.phone, card: nil,
                                                         registeringBy: user)
                    let resident = try await Resident.query(on: tx).filter(\.$communityID == communityID)
                        .filter(\.$person.$id == person.id!).first()
                    if let resident {
                        resident.$household.id = household.id!
                        resident.category = row.category.rawValue
                        resident.stayUntil = row.stayUntil?.description
                        try await resident.save(on: tx)
                        created.updated += 1
                    } else {
                        let r = Resident()
                        r.communityID = communityID
                        r.$household.id = household.id!
                        r.$person.id = person.id!
                        r.category = row.category.rawValue
                        r.stayUntil = row.stayUntil?.description
                        r.createdAt = now
                        r.createdBy = user
                        try await r.create(on: tx)
                        created.residents += 1
                    }
                    if (index + 1) % 25 == 0 || index + 1 == rows.count { await progress(index + 1, rows.count) }
                }
                return Result(ok: true, rows: rows.count, householdsCreated: created.households, residentsCreated: created.residents,
                              residentsUpdated: created.updated, problems: [],
                              warnings: sheet.warnings.map { Problem(line: $0.line, column: $0.column, message: $0.message.text(for: lang)) })
            }
        } catch let error as AppError {
            throw error
        } catch {
            // A constraint the sheet could not see (e.g. a concurrent import): nothing was kept.
            return failure([Problem(line: 1, column: nil, message: LocalizedText(
                zh: "导入失败，未保存任何数据，请重试", en: "The import failed and nothing was kept; try again").text(for: lang))])
        }
    }

    private func failure(_ problems: [Problem]) -> Result {
        Result(ok: false, rows: 0, householdsCreated: 0, residentsCreated: 0, residentsUpdated: 0, problems: problems)
    }

    private func setLandlord(_ household: Household, name: String?, phone: PhoneNumber, on tx: any Database) async throws {
        let index = services.blindIndex.phone(phone)
        household.landlordPhoneSealed = services.sealer.seal(phone.value, context: "household.landlord_phone")
        household.landlordPhoneIndex = index
        household.landlordPhoneMasked = phone.masked
        if let name { household.landlordNameSealed = services.sealer.seal(name, context: "household.landlord_name") }
        household.landlordUserID = try await User.query(on: tx).filter(\.$phoneIndex == index)
            .filter(\.$role == Role.landlord.rawValue).first()?.id
        try await household.save(on: tx)
    }
}
