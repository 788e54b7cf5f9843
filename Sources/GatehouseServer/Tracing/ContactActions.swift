import Fluent
import Foundation
import GatehouseCore

/// What a trace leads to, in one step for the contacts the health worker selected: daily health monitoring (the
/// returnees' board, a check-in a day) or a home quarantine order for their household. Only contacts of the trace
/// just run can be chosen; one already monitored or already under an order is left as it is and counted.
struct ContactActions {
    static let source = "contact"

    enum Action: String {
        case monitoring, quarantine
    }

    struct Outcome {
        var started = 0
        var already = 0
        /// Contacts nobody can be found for (a passage without a person; no household for an order).
        var unreachable = 0
    }

    let services: GatehouseServices
    let db: any Database

    func apply(_ action: Action, to groups: [ContactGroup], reason: String, by user: User) async throws -> Outcome {
        var outcome = Outcome()
        for group in groups {
            switch action {
            case .monitoring:
                let people = group.members.compactMap(\.personId)
                if people.isEmpty { outcome.unreachable += 1 }
                for person in people {
                    if try await monitor(person, household: group.householdId, by: user) { outcome.started += 1 } else { outcome.already += 1 }
                }
            case .quarantine:
                guard let household = try await household(of: group) else { outcome.unreachable += 1; continue }
                let orders = QuarantineOrders(services: services, db: db)
                if try await orders.open(household: household.id!) != nil { outcome.already += 1; continue }
                let today = services.today
                let text = String(("流调密接：" + reason).prefix(60))
                let minimum = try await Community.find(household.communityID, on: db)?.quarantineMinimumDays ?? 14
                try await orders.order(household, QuarantineOrderInput(startsOn: today.description, endsOn: today.adding(days: minimum - 1).description,
                                                                       reason: text, orderedBy: String(StaffNames.name(of: user, services: services).prefix(40))),
                                       by: try user.requireID())
                outcome.started += 1
            }
        }
        return outcome
    }

    /// The household of a contact group: its own (a pass-holder passage), or the one its person is registered in.
    private func household(of group: ContactGroup) async throws -> Household? {
        if let id = group.householdId { return try await Household.find(id, on: db) }
        guard let person = group.members.compactMap(\.personId).first,
              let resident = try await Resident.query(on: db).filter(\.$person.$id == person).first() else { return nil }
        return try await Household.find(resident.$household.id, on: db)
    }

    /// Starts monitoring `personID` from today, unless a monitoring of them is running; true when started.
    private func monitor(_ personID: UUID, household: UUID?, by user: User) async throws -> Bool {
        guard let person = try await Person.find(personID, on: db), let community = try await Community.find(person.communityID, on: db) else {
            return false
        }
        let today = services.today
        let running = try await ReturneeReport.query(on: db).filter(\.$personID == personID)
            .filter(\.$monitoringUntil >= today.description).count()
        guard running == 0 else { return false }
        let sealer = services.sealer
        let name = person.nameSealed.flatMap { try? sealer.open($0, context: "person.name") } ?? person.nameMasked
        let phone = person.phoneSealed.flatMap { try? sealer.open($0, context: "person.phone") } ?? ""
        let r = ReturneeReport()
        r.communityID = community.id!
        r.householdID = household
        r.personID = personID
        r.source = Self.source
        r.nameSealed = sealer.seal(name, context: "returnee.name")
        r.nameMasked = person.nameMasked
        r.phoneSealed = sealer.seal(phone, context: "returnee.phone")
        r.phoneMasked = person.phoneMasked
        r.originCode = ""
        r.arrivalDate = today.description
        r.transport = TransportMode.other.rawValue
        r.symptoms = ""
        r.monitoringUntil = today.adding(days: community.returneeMonitoringDays).description
        r.filedAt = services.clock.now()
        r.filedBy = try user.requireID()
        try await r.create(on: db)
        return true
    }
}
