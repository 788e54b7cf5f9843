import Fluent
import Foundation

/// A confirmed fever at the gate, opened as pending; the health workflow takes it from there.
final class FeverCase: Model, @unchecked Sendable {
    static let schema = "fever_cases"

    @ID(key: .id) var id: UUID?
    @Field(key: "community_id") var communityID: UUID
    @Field(key: "checkpoint_id") var checkpointID: UUID
    @Field(key: "passage_id") var passageID: UUID
    @OptionalField(key: "person_id") var personID: UUID?
    @OptionalField(key: "household_id") var householdID: UUID?
    @Field(key: "status") var status: String
    @Field(key: "temperature_tenths") var temperatureTenths: Int
    @Field(key: "opened_at") var openedAt: Date
    @Field(key: "opened_by") var openedBy: UUID

    init() {}
}
