import Fluent
import Foundation

/// A day's health check of a returnee under monitoring, entered by the community's health worker.
final class ReturneeCheckIn: Model, @unchecked Sendable {
    static let schema = "returnee_check_ins"

    @ID(key: .id) var id: UUID?
    @Field(key: "report_id") var reportID: UUID
    @Field(key: "community_id") var communityID: UUID
    /// `yyyy-MM-dd` (China time).
    @Field(key: "day") var day: String
    @Field(key: "temperature_tenths") var temperatureTenths: Int
    /// Comma-separated `Symptom` raw values; empty for none.
    @Field(key: "symptoms") var symptoms: String
    @OptionalField(key: "note") var note: String?
    @Field(key: "recorded_at") var recordedAt: Date
    @Field(key: "recorded_by") var recordedBy: UUID

    init() {}
}
