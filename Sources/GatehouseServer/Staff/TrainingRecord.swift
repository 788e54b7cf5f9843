import Fluent
import Foundation

/// Training of a temperature-taking staff member: when, by whom, on which thermometer model.
final class TrainingRecord: Model, @unchecked Sendable {
    static let schema = "training_records"

    @ID(key: .id) var id: UUID?
    @Field(key: "community_id") var communityID: UUID
    @Field(key: "user_id") var userID: UUID
    @Field(key: "trained_on") var trainedOn: String
    @Field(key: "trainer") var trainer: String
    @Field(key: "thermometer_model") var thermometerModel: String
    @Field(key: "recorded_by") var recordedBy: UUID
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
