import Fluent
import Foundation
import GatehouseCore
import GatehouseStore
import SQLKit

/// Writes a generated community's register in bulk for `gatehouse generate`: the same rows the office's import and
/// "issue household passes" make (sealed names, ID numbers and phones with their blind indexes, registered residents,
/// one household pass per household), built in memory and inserted a few hundred per statement — the import's
/// row-by-row checks would take hours for a million residents.
struct GeneratedResidents {
    let services: GatehouseServices
    let db: any Database

    /// Rows per multi-row insert (well under SQLite's limit of bound values).
    static let chunk = 1000

    /// Writes the sheet's households, persons, residents and household passes; returns how many passes it issued.
    func write(_ sheet: ResidentImportSheet, community: Community, by user: UUID) async throws -> Int {
        let communityID = community.id!
        let now = services.clock.now()
        let sealer = services.sealer
        var households: [String: (id: UUID, label: String)] = [:]
        var householdRows: [[any Encodable & Sendable]] = []
        var personRows: [[any Encodable & Sendable]] = []
        var residentRows: [[any Encodable & Sendable]] = []
        for row in sheet.rows {
            let household: (id: UUID, label: String)
            if let known = households[row.address.label] { household = known } else {
                household = (UUID(), row.address.label)
                households[household.label] = household
                let a = row.address
                householdRows.append([household.id, communityID, a.label, a.building, a.unit, a.room, a.villageGroup, a.houseNumber,
                                      false, now, user])
            }
            let personID = UUID()
            personRows.append([
                personID, communityID, services.blindIndex.idNumber(row.idNumber),
                sealer.seal(row.idNumber.value, context: "person.id_number"), row.idNumber.kind.rawValue,
                sealer.seal(row.name, context: "person.name"), PersonName.mask(row.name),
                row.phone.map { sealer.seal($0.value, context: "person.phone") }, row.phone.map { services.blindIndex.phone($0) },
                row.phone?.masked ?? "", true, now, user, now, user,
            ])
            residentRows.append([UUID(), communityID, household.id, personID, row.category.rawValue, row.stayUntil?.description, now, user])
        }
        var codes = Set<String>()
        let expiry = Date(timeIntervalSince1970: (now + TimeInterval(community.passValidityDays * 86_400)).timeIntervalSince1970.rounded(.down))
        let passRows: [[any Encodable & Sendable]] = households.values.sorted { $0.label < $1.label }.map { household in
            var code = PassShortCode.random().value
            while !codes.insert(code).inserted { code = PassShortCode.random().value }
            return [UUID(), communityID, household.id, PassKind.household.code, Pass.Status.active.rawValue, code, now, user, expiry]
        }
        let (h, p, r, passes) = (householdRows, personRows, residentRows, passRows)
        try await db.writeTransaction { tx in
            let sql = tx as! any SQLDatabase
            try await Self.insert(into: "households", ["id", "community_id", "label", "building", "unit", "room", "village_group",
                                                        "house_number", "home_quarantine", "created_at", "created_by"], h, on: sql)
            try await Self.insert(into: "persons", ["id", "community_id", "id_number_index", "id_number_sealed", "document_kind",
                                                     "name_sealed", "name_masked", "phone_sealed", "phone_index", "phone_masked",
                                                     "is_registered", "registered_at", "registered_by", "created_at", "created_by"], p, on: sql)
            try await Self.insert(into: "residents", ["id", "community_id", "household_id", "person_id", "category", "stay_until",
                                                       "created_at", "created_by"], r, on: sql)
            try await Self.insert(into: "passes", ["id", "community_id", "household_id", "kind", "status", "short_code", "issued_at",
                                                    "issued_by", "expires_at"], passes, on: sql)
        }
        return passes.count
    }

    private static func insert(into table: String, _ columns: [String], _ rows: [[any Encodable & Sendable]],
                               on sql: any SQLDatabase) async throws {
        var start = 0
        while start < rows.count {
            let end = min(start + chunk, rows.count)
            let insert = sql.insert(into: table).columns(columns)
            for row in rows[start..<end] { insert.values(row.map { SQLBind($0) }) }
            try await insert.run()
            start = end
        }
    }
}
