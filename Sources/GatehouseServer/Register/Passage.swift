import Fluent
import Foundation
import GatehouseCore

/// One passage through a gate: who, where, when, which way, every reading, the decision and who made it
/// (谁检查、谁登记、谁负责).
final class Passage: Model, @unchecked Sendable {
    static let schema = "passages"

    @ID(key: .id) var id: UUID?
    @Field(key: "community_id") var communityID: UUID
    @Parent(key: "checkpoint_id") var checkpoint: Checkpoint
    @Parent(key: "operator_id") var operatorUser: User
    /// Nil when a household pass was shown (the household is known, not which member).
    @OptionalParent(key: "person_id") var person: Person?
    @OptionalField(key: "household_id") var householdID: UUID?
    @OptionalField(key: "pass_id") var passID: UUID?
    /// The self-registration the operator scanned (visitor, courier, returnee …).
    @OptionalField(key: "registration_id") var registrationID: UUID?
    @Field(key: "direction") var direction: Direction
    @Field(key: "mode") var mode: String
    /// Every reading, oldest first: `366@1795305600;373@1795305900` (tenths @ epoch seconds).
    @Field(key: "readings") var readings: String
    /// The reading that counts (the last one), in tenths of a degree.
    @Field(key: "temperature_tenths") var temperatureTenths: Int
    @Field(key: "status") var status: TemperatureStatus
    @Field(key: "decision") var decision: String
    /// Reason codes, comma-separated.
    @Field(key: "reasons") var reasons: String
    @Field(key: "wears_mask") var wearsMask: Bool
    @Field(key: "awaiting_remeasure") var awaitingRemeasure: Bool
    @Field(key: "name_masked") var nameMasked: String
    @Field(key: "phone_masked") var phoneMasked: String
    @Field(key: "recorded_at") var recordedAt: Date
    @OptionalField(key: "client_time") var clientTime: Date?
    @Field(key: "client_request_id") var clientRequestID: UUID
    @Field(key: "updated_at") var updatedAt: Date
    /// Taken while the gate was offline, at `recorded_at`, and stored when it synced (`updated_at` then).
    @Field(key: "offline") var offline: Bool
    /// What the server, applying every rule again at sync, would have decided, when it differs from the decision
    /// the gate took (`decision`): the office reviews it (离线放行待复核).
    @OptionalField(key: "review_decision") var reviewDecision: String?
    @OptionalField(key: "review_reasons") var reviewReasons: String?
    @OptionalField(key: "reviewed_at") var reviewedAt: Date?
    @OptionalField(key: "reviewed_by") var reviewedBy: UUID?

    init() {}
}
