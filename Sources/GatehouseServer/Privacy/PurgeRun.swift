import Fluent
import Foundation

/// One purge of a community's personal data: when, why, by whom (nil for the daily job) and how many rows of each
/// kind (`PurgeCounts` as JSON) — never the data.
final class PurgeRun: Model, @unchecked Sendable {
    static let schema = "purge_runs"

    @ID(key: .id) var id: UUID?
    @Field(key: "community_id") var communityID: UUID
    /// `PurgeKind` raw value.
    @Field(key: "kind") var kind: String
    /// Data recorded before this instant was purged (nil for a stand-down: all of it).
    @OptionalField(key: "cutoff") var cutoff: Date?
    @Field(key: "at") var at: Date
    @OptionalField(key: "by") var by: UUID?
    @Field(key: "counts") var counts: String
    @Field(key: "total") var total: Int

    init() {}
}
