import Fluent
import Foundation

/// One status change of a facility: what, when, by whom, why.
final class FacilityChange: Model, @unchecked Sendable {
    static let schema = "facility_changes"

    @ID(key: .id) var id: UUID?
    @Field(key: "facility_id") var facilityID: UUID
    @Field(key: "status") var status: String
    @Field(key: "changed_at") var changedAt: Date
    @Field(key: "changed_by") var changedBy: UUID
    @OptionalField(key: "note") var note: String?

    init() {}
}
