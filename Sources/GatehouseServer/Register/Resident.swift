import Fluent
import Foundation

/// A person registered as living (or working) in a household: registered once, then passes by pass.
final class Resident: Model, @unchecked Sendable {
    static let schema = "residents"

    @ID(key: .id) var id: UUID?
    @Field(key: "community_id") var communityID: UUID
    @Parent(key: "household_id") var household: Household
    @Parent(key: "person_id") var person: Person
    /// `ResidentCategory` raw value.
    @Field(key: "category") var category: String
    /// Last day of a temporary stay (`yyyy-MM-dd`).
    @OptionalField(key: "stay_until") var stayUntil: String?
    /// The resident's own account, when they have one.
    @OptionalField(key: "user_id") var userID: UUID?
    /// Expected day of return from elsewhere (`yyyy-MM-dd`), set by the household: a reminder until the returnee reports.
    @OptionalField(key: "returning_on") var returningOn: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "created_by") var createdBy: UUID

    init() {}
}
