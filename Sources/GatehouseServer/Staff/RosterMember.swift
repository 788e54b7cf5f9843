import Fluent
import Foundation

/// Someone on duty at the gate without an account (a volunteer): name and phone sealed, the duty they do, when they
/// left the roster.
final class RosterMember: Model, @unchecked Sendable {
    static let schema = "roster_members"

    @ID(key: .id) var id: UUID?
    @Field(key: "community_id") var communityID: UUID
    @Field(key: "name_sealed") var nameSealed: String
    @OptionalField(key: "phone_sealed") var phoneSealed: String?
    @Field(key: "phone_masked") var phoneMasked: String
    /// What they do at the gate (测温、登记、消杀…), as the office writes it.
    @Field(key: "duty") var duty: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "created_by") var createdBy: UUID
    @OptionalField(key: "left_at") var leftAt: Date?

    init() {}
}
