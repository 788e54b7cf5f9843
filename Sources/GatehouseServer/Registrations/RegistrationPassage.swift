import Fluent
import Foundation
import GatehouseCore

/// What a passage of a self-registered person changes: a visitor's entry and exit, a courier's delivery, a
/// returnee's registration closed once they are in.
enum RegistrationPassage {
    static func apply(_ reg: RegistrationAtGate, passage: Passage, community: Community, by user: UUID,
                      services: GatehouseServices, on tx: any Database) async throws -> Delivery? {
        let r = reg.registration
        let now = passage.updatedAt
        let decision = EntryDecision(rawValue: passage.decision)
        let direction = passage.direction
        switch reg.category {
        case .visitor:
            guard let id = reg.visit?.id, let visit = try await Visit.find(id, on: tx) else { return nil }
            if direction == .in, decision == .allow, visit.enteredAt == nil {
                visit.entryPassageID = passage.id
                visit.enteredAt = now
            } else if direction == .out, visit.enteredAt != nil, visit.exitedAt == nil {
                visit.exitPassageID = passage.id
                visit.exitedAt = now
                r.status = SelfRegistration.Status.closed.rawValue
            }
            try await visit.save(on: tx)
        case .courier:
            guard let household = reg.household,
                  try await Delivery.query(on: tx).filter(\.$registrationID == r.id!).count() == 0
            else { return nil }
            r.status = SelfRegistration.Status.closed.rawValue
            r.updatedAt = now
            try await r.save(on: tx)
            return try await DeliveryLog(services: services, db: tx).log(
                household: household, community: community, checkpointID: passage.$checkpoint.id,
                platform: reg.opened.answers["platform"] ?? "", riderNameMasked: r.nameMasked, riderPhoneMasked: r.phoneMasked,
                registrationID: r.id, passageID: passage.id, by: user, now: now)
        case .returnee:
            if direction == .in, decision == .allow { r.status = SelfRegistration.Status.closed.rawValue }
        case .resident, .tenant, .migrant:
            break
        }
        r.updatedAt = now
        try await r.save(on: tx)
        return nil
    }
}
