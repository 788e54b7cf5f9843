import Fluent
import Foundation

/// One visit of a self-registered visitor to a household, valid on its day only: who vouched (at the gate with
/// their pass, or on their phone), the entry and the exit.
final class Visit: Model, @unchecked Sendable {
    static let schema = "visits"

    @ID(key: .id) var id: UUID?
    @Field(key: "community_id") var communityID: UUID
    @Field(key: "registration_id") var registrationID: UUID
    @Field(key: "household_id") var householdID: UUID
    /// `yyyy-MM-dd` (China time): the visit's only day.
    @Field(key: "day") var day: String
    /// `gate` (host's pass scanned by an operator) or `app` (the resident page).
    @OptionalField(key: "vouched_via") var vouchedVia: String?
    @OptionalField(key: "vouched_at") var vouchedAt: Date?
    @OptionalField(key: "vouched_by_resident_id") var vouchedByResidentID: UUID?
    @OptionalField(key: "vouched_by_user_id") var vouchedByUserID: UUID?
    @OptionalField(key: "vouch_pass_id") var vouchPassID: UUID?
    /// The operator who scanned the host's pass.
    @OptionalField(key: "vouch_operator_id") var vouchOperatorID: UUID?
    @OptionalField(key: "declined_at") var declinedAt: Date?
    @OptionalField(key: "declined_by") var declinedBy: UUID?
    @OptionalField(key: "entry_passage_id") var entryPassageID: UUID?
    @OptionalField(key: "entered_at") var enteredAt: Date?
    @OptionalField(key: "exit_passage_id") var exitPassageID: UUID?
    @OptionalField(key: "exited_at") var exitedAt: Date?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var isVouched: Bool { vouchedAt != nil && declinedAt == nil }
}
