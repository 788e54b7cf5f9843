import Fluent
import Foundation

/// Training of a temperature-taking staff member (an operator or a volunteer of the roster): when, by whom, on which thermometer model.
final class TrainingRecord: Model, @unchecked Sendable {
    static let schema = "training_records"

    @ID(key: .id) var id: UUID?
    @Field(key: "community_id") var communityID: UUID
    /// An operator with an account, or (`memberID`) a volunteer on the staff roster.
    @OptionalField(key: "user_id") var userID: UUID?
    @OptionalField(key: "member_id") var memberID: UUID?
    @Field(key: "trained_on") var trainedOn: String
    @Field(key: "trainer") var trainer: String
    @Field(key: "thermometer_model") var thermometerModel: String
    @Field(key: "recorded_by") var recordedBy: UUID
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
