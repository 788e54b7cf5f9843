import Fluent
import Foundation
import GatehouseCore

/// A community office lets one police account read its community for a range of days. `active` is kept true exactly
/// while the grant holds (`PoliceGrants.sync`), so scope checks need no clock.
final class PoliceGrant: Model, @unchecked Sendable {
    static let schema = "police_grants"

    @ID(key: .id) var id: UUID?
    @Field(key: "community_id") var communityID: UUID
    @Field(key: "police_user_id") var policeUserID: UUID
    /// China dates, both included.
    @Field(key: "starts_on") var startsOn: CalendarDate
    @Field(key: "ends_on") var endsOn: CalendarDate
    @Field(key: "active") var active: Bool
    @Field(key: "granted_at") var grantedAt: Date
    @Field(key: "granted_by") var grantedBy: UUID
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    @OptionalField(key: "revoked_by") var revokedBy: UUID?

    init() {}
}
