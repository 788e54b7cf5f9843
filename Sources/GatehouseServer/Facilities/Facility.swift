import Fluent
import Foundation

/// A place of a community (activity room, games room, hotel, renovation works) with its current status; every
/// change is kept in `FacilityChange`.
final class Facility: Model, @unchecked Sendable {
    static let schema = "facilities"

    @ID(key: .id) var id: UUID?
    @Field(key: "community_id") var communityID: UUID
    @Field(key: "name") var name: String
    /// `FacilityKind` raw value.
    @Field(key: "kind") var kind: String
    /// `FacilityStatus` raw value.
    @Field(key: "status") var status: String
    @Field(key: "status_since") var statusSince: Date
    @Field(key: "changed_by") var changedBy: UUID
    @OptionalField(key: "note") var note: String?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
