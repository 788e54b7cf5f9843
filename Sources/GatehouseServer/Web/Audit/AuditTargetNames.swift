import Fluent
import Foundation

/// The words for what audit entries were about, read once for a page: a household's label, a gate's or a room's
/// name, a person's masked name, a staff member's name. Never an ID number or a phone.
struct AuditTargetNames {
    let services: GatehouseServices
    let db: any Database

    func names(_ targets: Set<AuditTarget>) async throws -> [AuditTarget: String] {
        let ids = Dictionary(grouping: targets, by: \.kind).mapValues { Set($0.map(\.id)) }
        func of(_ kind: AuditTarget.Kind) -> Set<UUID> { ids[kind] ?? [] }
        var result: [AuditTarget: String] = [:]
        func put(_ kind: AuditTarget.Kind, _ pairs: [(UUID, String)]) {
            for (id, name) in pairs { result[AuditTarget(kind: kind, id: id)] = name }
        }

        // Things that belong to a household are named by its label.
        var householdOf: [AuditTarget: UUID] = [:]
        func byHousehold(_ kind: AuditTarget.Kind, _ pairs: [(UUID?, UUID)]) {
            for (id, household) in pairs { if let id { householdOf[AuditTarget(kind: kind, id: id)] = household } }
        }
        if !of(.quarantineOrder).isEmpty {
            byHousehold(.quarantineOrder, try await QuarantineOrder.query(on: db).filter(\.$id ~~ of(.quarantineOrder)).all().map { ($0.id, $0.householdID) })
        }
        if !of(.pass).isEmpty { byHousehold(.pass, try await Pass.query(on: db).filter(\.$id ~~ of(.pass)).all().map { ($0.id, $0.$household.id) }) }
        if !of(.tenancy).isEmpty { byHousehold(.tenancy, try await Tenancy.query(on: db).filter(\.$id ~~ of(.tenancy)).all().map { ($0.id, $0.householdID) }) }
        if !of(.supplyRequest).isEmpty {
            byHousehold(.supplyRequest, try await SupplyRequest.query(on: db).filter(\.$id ~~ of(.supplyRequest)).all().map { ($0.id, $0.householdID) })
        }
        if !of(.visit).isEmpty { byHousehold(.visit, try await Visit.query(on: db).filter(\.$id ~~ of(.visit)).all().map { ($0.id, $0.householdID) }) }
        if !of(.delivery).isEmpty { byHousehold(.delivery, try await Delivery.query(on: db).filter(\.$id ~~ of(.delivery)).all().map { ($0.id, $0.householdID) }) }
        let householdIDs = of(.household).union(householdOf.values)
        if !householdIDs.isEmpty {
            let labels = Dictionary(uniqueKeysWithValues: try await Household.query(on: db).filter(\.$id ~~ householdIDs).all().map { ($0.id!, $0.label) })
            put(.household, labels.map { ($0, $1) })
            for (target, household) in householdOf { if let label = labels[household] { result[target] = label } }
        }

        // People by their masked names.
        var personOf: [AuditTarget: UUID] = [:]
        if !of(.resident).isEmpty {
            for r in try await Resident.query(on: db).filter(\.$id ~~ of(.resident)).all() { personOf[AuditTarget(kind: .resident, id: r.id!)] = r.$person.id }
        }
        if !of(.proposal).isEmpty {
            for p in try await RegistrationProposal.query(on: db).filter(\.$id ~~ of(.proposal)).all() { personOf[AuditTarget(kind: .proposal, id: p.id!)] = p.personID }
        }
        let personIDs = of(.person).union(personOf.values)
        if !personIDs.isEmpty {
            let masked = Dictionary(uniqueKeysWithValues: try await Person.query(on: db).filter(\.$id ~~ personIDs).all().map { ($0.id!, $0.nameMasked) })
            put(.person, masked.map { ($0, $1) })
            for (target, person) in personOf { if let name = masked[person] { result[target] = name } }
        }
        if !of(.passage).isEmpty { put(.passage, try await Passage.query(on: db).filter(\.$id ~~ of(.passage)).all().map { ($0.id!, $0.nameMasked) }) }
        if !of(.registration).isEmpty {
            put(.registration, try await SelfRegistration.query(on: db).filter(\.$id ~~ of(.registration)).all().map { ($0.id!, $0.nameMasked) })
        }
        if !of(.returnee).isEmpty { put(.returnee, try await ReturneeReport.query(on: db).filter(\.$id ~~ of(.returnee)).all().map { ($0.id!, $0.nameMasked) }) }
        put(.checkIn, try await ReturneeNames(db: db).byCheckIn(of(.checkIn)).map { ($0, $1) })
        if !of(.feverCase).isEmpty {
            let cases = try await FeverCase.query(on: db).filter(\.$id ~~ of(.feverCase)).all()
            let passages = Set(cases.compactMap(\.passageID))
            let masked = passages.isEmpty ? [:] : Dictionary(uniqueKeysWithValues: try await Passage.query(on: db).filter(\.$id ~~ passages).all().map { ($0.id!, $0.nameMasked) })
            let returnees = try await ReturneeNames(db: db).byCheckIn(Set(cases.compactMap(\.checkInID)))
            put(.feverCase, cases.compactMap { c in (c.passageID.flatMap { masked[$0] } ?? c.checkInID.flatMap { returnees[$0] }).map { (c.id!, $0) } })
        }

        // Places and staff by name.
        if !of(.checkpoint).isEmpty { put(.checkpoint, try await Checkpoint.query(on: db).filter(\.$id ~~ of(.checkpoint)).all().map { ($0.id!, $0.name) }) }
        if !of(.community).isEmpty { put(.community, try await Community.query(on: db).filter(\.$id ~~ of(.community)).all().map { ($0.id!, $0.name) }) }
        if !of(.schedule).isEmpty { put(.schedule, try await DisinfectionSchedule.query(on: db).filter(\.$id ~~ of(.schedule)).all().map { ($0.id!, $0.name) }) }
        if !of(.facility).isEmpty { put(.facility, try await Facility.query(on: db).filter(\.$id ~~ of(.facility)).all().map { ($0.id!, $0.name) }) }
        if !of(.device).isEmpty { put(.device, try await ReaderDevice.query(on: db).filter(\.$id ~~ of(.device)).all().map { ($0.id!, $0.name) }) }
        var userOf: [AuditTarget: UUID] = [:]
        if !of(.grant).isEmpty {
            for g in try await PoliceGrant.query(on: db).filter(\.$id ~~ of(.grant)).all() { userOf[AuditTarget(kind: .grant, id: g.id!)] = g.policeUserID }
        }
        let userIDs = of(.user).union(userOf.values)
        if !userIDs.isEmpty {
            let names = StaffNames.byID(try await User.query(on: db).filter(\.$id ~~ userIDs).all(), services: services)
            put(.user, names.map { ($0, $1) })
            for (target, user) in userOf { if let name = names[user] { result[target] = name } }
        }
        return result
    }
}
