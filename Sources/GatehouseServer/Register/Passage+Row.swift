import Fluent
import Foundation
import GatehouseCore
import SQLKit

extension Passage {
    /// A stored passage from a plain SQL row of `SELECT *`, column by column. Fluent's own decoding walks the model
    /// by reflection for every row, which took a third of a record list's time. The model is marked as stored.
    static func read(_ row: any SQLRow) throws -> Passage {
        let p = Passage()
        p.id = try row.decode(column: "id", as: UUID.self)
        p.$id.exists = true
        p.communityID = try row.decode(column: "community_id", as: UUID.self)
        p.$checkpoint.id = try row.decode(column: "checkpoint_id", as: UUID.self)
        p.$operatorUser.id = try row.decode(column: "operator_id", as: UUID.self)
        p.$person.id = try row.decode(column: "person_id", as: UUID?.self)
        p.householdID = try row.decode(column: "household_id", as: UUID?.self)
        p.passID = try row.decode(column: "pass_id", as: UUID?.self)
        p.registrationID = try row.decode(column: "registration_id", as: UUID?.self)
        p.direction = try row.decode(column: "direction", as: Direction.self)
        p.mode = try row.decode(column: "mode", as: String.self)
        p.readings = try row.decode(column: "readings", as: String.self)
        p.temperatureTenths = try row.decode(column: "temperature_tenths", as: Int.self)
        p.status = try row.decode(column: "status", as: TemperatureStatus.self)
        p.decision = try row.decode(column: "decision", as: String.self)
        p.reasons = try row.decode(column: "reasons", as: String.self)
        p.wearsMask = try row.decode(column: "wears_mask", as: Bool.self)
        p.awaitingRemeasure = try row.decode(column: "awaiting_remeasure", as: Bool.self)
        p.nameMasked = try row.decode(column: "name_masked", as: String.self)
        p.phoneMasked = try row.decode(column: "phone_masked", as: String.self)
        p.recordedAt = try row.decode(column: "recorded_at", as: Date.self)
        p.clientTime = try row.decode(column: "client_time", as: Date?.self)
        p.clientRequestID = try row.decode(column: "client_request_id", as: UUID.self)
        p.updatedAt = try row.decode(column: "updated_at", as: Date.self)
        p.offline = try row.decode(column: "offline", as: Bool.self)
        p.reviewDecision = try row.decode(column: "review_decision", as: String?.self)
        p.reviewReasons = try row.decode(column: "review_reasons", as: String?.self)
        p.reviewedAt = try row.decode(column: "reviewed_at", as: Date?.self)
        p.reviewedBy = try row.decode(column: "reviewed_by", as: UUID?.self)
        return p
    }
}
