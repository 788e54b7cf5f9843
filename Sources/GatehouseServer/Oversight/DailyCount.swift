import Fluent
import Foundation

/// A checkpoint's figures for one China day, added up from passages as they are purged, so that statistics
/// outlive the personal data they were counted from.
final class DailyCount: Model, @unchecked Sendable {
    static let schema = "daily_counts"

    @ID(key: .id) var id: UUID?
    @Field(key: "community_id") var communityID: UUID
    @Field(key: "checkpoint_id") var checkpointID: UUID
    /// China date, `yyyy-MM-dd`.
    @Field(key: "day") var day: String
    /// Passages let in, let out, refused, and with an abnormal temperature.
    @Field(key: "entries") var entries: Int
    @Field(key: "exits") var exits: Int
    @Field(key: "refused") var refused: Int
    @Field(key: "abnormal") var abnormal: Int

    init() {}
}
