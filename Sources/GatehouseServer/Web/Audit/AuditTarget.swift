import Foundation

/// What an audit entry was about, read back from its `target`: `householdID=…,residentID=…` (a change's route
/// parameters), `checkpoint:…`, `person:a,b,c` (the older prefix form; later ids share the kind before them).
struct AuditTarget: Hashable {
    /// What the id names, by the route parameter or prefix it came from.
    enum Kind: String {
        case household, resident, person, checkpoint, community, user, feverCase, quarantineOrder, pass, tenancy
        case supplyRequest, visit, delivery, registration, proposal, returnee, checkIn, schedule, facility, device
        case grant, passage
    }

    let kind: Kind
    let id: UUID

    private static let kinds: [String: Kind] = [
        "householdID": .household, "household": .household, "residentID": .resident, "personID": .person, "person": .person,
        "checkpointID": .checkpoint, "checkpoint": .checkpoint, "communityID": .community, "community": .community,
        "userID": .user, "user": .user, "caseID": .feverCase, "feverCaseID": .feverCase, "orderID": .quarantineOrder,
        "passID": .pass, "tenancyID": .tenancy, "requestID": .supplyRequest, "visitID": .visit, "deliveryID": .delivery,
        "registrationID": .registration, "proposalID": .proposal, "reportID": .returnee, "checkInID": .checkIn,
        "scheduleID": .schedule, "facilityID": .facility, "deviceID": .device, "grantID": .grant, "passageID": .passage,
    ]

    /// Every id in `target`, in order, with what it names (ids of an unknown kind are left out).
    static func parse(_ target: String?) -> [AuditTarget] {
        guard let target else { return [] }
        var result: [AuditTarget] = []
        var current: Kind?
        for part in target.split(separator: ",") {
            let text = String(part)
            let pieces = text.split(maxSplits: 1, whereSeparator: { $0 == "=" || $0 == ":" }).map(String.init)
            if pieces.count == 2 {
                current = kinds[pieces[0]]
                if let kind = current, let id = UUID(uuidString: pieces[1]) { result.append(AuditTarget(kind: kind, id: id)) }
            } else if let kind = current, let id = UUID(uuidString: text) {
                result.append(AuditTarget(kind: kind, id: id))
            }
        }
        return result
    }
}
