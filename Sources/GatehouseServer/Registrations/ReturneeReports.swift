import Fluent
import Foundation
import GatehouseCore

/// Builds returnee reports (from the poster form or the resident page) and finds who still has to report.
struct ReturneeReports {
    let services: GatehouseServices
    let db: any Database

    /// A report for `details` (not yet stored); linked to the resident when their ID number is known in the household.
    func report(_ details: SelfRegistrationDetails, household: Household?, community: Community, filedBy: UUID?,
                now: Date) async throws -> ReturneeReport {
        let a = details.answers
        let sealer = services.sealer
        let r = ReturneeReport()
        r.id = UUID()
        r.communityID = community.id!
        r.householdID = household?.id
        if let household, let id = a.idNumber {
            r.residentID = try await HouseholdDirectory(db: db).member(of: household.id!, idNumberIndex: services.blindIndex.idNumber(id))?.id
        }
        r.nameSealed = sealer.seal(details.name, context: "returnee.name")
        r.nameMasked = PersonName.mask(details.name)
        r.phoneSealed = sealer.seal(details.phone.value, context: "returnee.phone")
        r.phoneMasked = details.phone.masked
        r.originCode = a.originCode ?? ""
        let arrival = a.arrivalDate ?? CalendarDate(now)
        r.arrivalDate = arrival.description
        r.transport = a.transport?.rawValue ?? TransportMode.other.rawValue
        r.transportNumberSealed = a.transportNumber.map { sealer.seal($0, context: "returnee.transport_number") }
        r.symptoms = a.symptoms.map(\.rawValue).joined(separator: ",")
        r.monitoringUntil = arrival.adding(days: community.returneeMonitoringDays).description
        r.filedAt = now
        r.filedBy = filedBy
        return r
    }
}
