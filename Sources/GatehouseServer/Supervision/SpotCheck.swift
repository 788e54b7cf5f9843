import Fluent
import Foundation

/// A police spot check of a gate: when, by whom, the rating, the findings and up to three photos.
final class SpotCheck: Model, @unchecked Sendable {
    static let schema = "spot_checks"

    @ID(key: .id) var id: UUID?
    @Field(key: "community_id") var communityID: UUID
    @Field(key: "checkpoint_id") var checkpointID: UUID
    @Field(key: "checked_at") var checkedAt: Date
    @Field(key: "checked_by") var checkedBy: UUID
    /// `SpotCheckRating` raw value.
    @Field(key: "rating") var rating: String
    @Field(key: "findings") var findings: String
    /// Comma-separated photo ids (sealed photos).
    @Field(key: "photo_ids") var photoIDs: String

    init() {}
}
