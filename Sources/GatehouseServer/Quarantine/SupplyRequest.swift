import Fluent
import Foundation

/// A household under home quarantine asks for supplies; the community delivers without contact and logs the
/// hand-over (who, when, optional photo).
final class SupplyRequest: Model, @unchecked Sendable {
    static let schema = "supply_requests"

    @ID(key: .id) var id: UUID?
    @Field(key: "community_id") var communityID: UUID
    @Field(key: "household_id") var householdID: UUID
    @Field(key: "items") var items: String
    @Field(key: "urgent") var urgent: Bool
    @Field(key: "requested_at") var requestedAt: Date
    @Field(key: "requested_by") var requestedBy: UUID
    @OptionalField(key: "delivered_at") var deliveredAt: Date?
    @OptionalField(key: "delivered_by") var deliveredBy: UUID?
    @OptionalField(key: "handover_note") var handoverNote: String?
    @OptionalField(key: "photo_id") var photoID: UUID?

    init() {}
}
