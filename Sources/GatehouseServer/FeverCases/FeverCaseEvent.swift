import Fluent
import Foundation

/// One step of a fever case: the stage it reached, who took it and when, and what it says (room, destination and
/// escort, release reason and re-measure, disinfectant, note).
final class FeverCaseEvent: Model, @unchecked Sendable {
    static let schema = "fever_case_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "community_id") var communityID: UUID
    /// `FeverCaseStage` raw value.
    @Field(key: "stage") var stage: String
    @Field(key: "at") var at: Date
    @Field(key: "by") var by: UUID
    @OptionalField(key: "subject") var subject: String?
    @OptionalField(key: "escort") var escort: String?
    @OptionalField(key: "release_reason") var releaseReason: String?
    @OptionalField(key: "temperature_tenths") var temperatureTenths: Int?
    @OptionalField(key: "note") var note: String?

    init() {}
}
