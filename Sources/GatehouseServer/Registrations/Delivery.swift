import Fluent
import Foundation

/// A parcel or meal handed over at the gate and left at the community's pickup point; the household is told and
/// picks it up in its window. The rider never enters.
final class Delivery: Model, @unchecked Sendable {
    static let schema = "deliveries"

    @ID(key: .id) var id: UUID?
    @Field(key: "community_id") var communityID: UUID
    @Field(key: "household_id") var householdID: UUID
    @Field(key: "checkpoint_id") var checkpointID: UUID
    @OptionalField(key: "registration_id") var registrationID: UUID?
    @OptionalField(key: "passage_id") var passageID: UUID?
    @Field(key: "platform") var platform: String
    @Field(key: "rider_name_masked") var riderNameMasked: String
    @Field(key: "rider_phone_masked") var riderPhoneMasked: String
    @Field(key: "pickup_point") var pickupPoint: String
    @Field(key: "window_start") var windowStart: Date
    @Field(key: "window_end") var windowEnd: Date
    @Field(key: "logged_at") var loggedAt: Date
    @Field(key: "logged_by") var loggedBy: UUID
    @OptionalField(key: "picked_up_at") var pickedUpAt: Date?
    @OptionalField(key: "picked_up_by") var pickedUpBy: UUID?

    init() {}
}
