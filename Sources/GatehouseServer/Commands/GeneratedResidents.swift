import Fluent
import Foundation
import GatehouseCore

/// Writes a generated community's register in bulk for `gatehouse generate`: the same rows the office's import and
/// "issue household passes" make (sealed names, ID numbers and phones with their blind indexes, registered residents,
/// one household pass per household), built in memory and inserted a few hundred per statement — the import's
/// row-by-row checks would take hours for a million residents.
struct GeneratedResidents {
    let services: GatehouseServices
    let db: any Database

    /// Rows per multi-row insert (well under SQLite's limit of bound values).
    static let chunk = 500

    /// Writes the sheet's households, persons, residents and household passes; returns how many passes it issued.
    func write(_ sheet: ResidentImportSheet, community: Community, by user: UUID) async throws -> Int {
        let communityID = community.id!
        let now = services.clock.now()
        let sealer = services.sealer
        var households: [String: Household] = [:]
        var persons: [Person] = []
        var residents: [Resident] = []
        for row in sheet.rows {
            let household = households[row.address.label] ?? Household(address: row.address, community: communityID, by: user, now: now)
            households[household.label] = household
            let person = Person(communityID: communityID, createdAt: now, createdBy: user)
            person.id = UUID()
            person.idNumberIndex = services.blindIndex.idNumber(row.idNumber)
            person.idNumberSealed = sealer.seal(row.idNumber.value, context: "person.id_number")
            person.documentKind = row.idNumber.kind.rawValue
            person.nameSealed = sealer.seal(row.name, context: "person.name")
            person.nameMasked = PersonName.mask(row.name)
            if let phone = row.phone {
                person.phoneSealed = sealer.seal(phone.value, context: "person.phone")
                person.phoneIndex = services.blindIndex.phone(phone)
                person.phoneMasked = phone.masked
            }
            person.isRegistered = true
            person.registeredAt = now
            person.registeredBy = user
            persons.append(person)
            let resident = Resident()
            resident.id = UUID()
            resident.communityID = communityID
            resident.$household.id = household.id!
            resident.$person.id = person.id!
            resident.category = row.category.rawValue
            resident.stayUntil = row.stayUntil?.description
            resident.createdAt = now
            resident.createdBy = user
            residents.append(resident)
        }
        var codes = Set<String>()
        let expiry = Date(timeIntervalSince1970: (now + TimeInterval(community.passValidityDays * 86_400)).timeIntervalSince1970.rounded(.down))
        let passes: [Pass] = households.values.sorted { $0.label < $1.label }.map { household in
            var code = PassShortCode.random().value
            while !codes.insert(code).inserted { code = PassShortCode.random().value }
            let pass = Pass()
            pass.id = UUID()
            pass.communityID = communityID
            pass.$household.id = household.id!
            pass.kind = PassKind.household.code
            pass.status = Pass.Status.active.rawValue
            pass.shortCode = code
            pass.issuedAt = now
            pass.issuedBy = user
            pass.expiresAt = expiry
            return pass
        }
        let (householdRows, personRows, residentRows) = (Array(households.values), persons, residents)
        try await db.writeTransaction { tx in
            try await Self.insert(householdRows, on: tx)
            try await Self.insert(personRows, on: tx)
            try await Self.insert(residentRows, on: tx)
            try await Self.insert(passes, on: tx)
        }
        return passes.count
    }

    private static func insert<M: Model>(_ models: [M], on db: any Database) async throws {
        var start = 0
        while start < models.count {
            let end = min(start + chunk, models.count)
            try await models[start..<end].create(on: db)
            start = end
        }
    }
}
