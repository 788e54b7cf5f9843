import Fluent
import Foundation

/// What a reader read from a card, sealed, waiting for the operator at that checkpoint to use it.
final class CardRead: Model, @unchecked Sendable {
    static let schema = "card_reads"

    @ID(key: .id) var id: UUID?
    @Field(key: "checkpoint_id") var checkpointID: UUID
    @Field(key: "device_id") var deviceID: UUID
    /// Sealed JSON of `CardReadPayload`.
    @Field(key: "payload_sealed") var payloadSealed: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "used_by_passage") var usedByPassage: UUID?

    init() {}
}
