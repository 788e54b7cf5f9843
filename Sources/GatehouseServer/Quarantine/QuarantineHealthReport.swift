import Fluent
import Foundation

/// One of the twice-daily health reports of a member of a quarantined household, entered by the health worker.
final class QuarantineHealthReport: Model, @unchecked Sendable {
    static let schema = "quarantine_health_reports"

    @ID(key: .id) var id: UUID?
    @Field(key: "order_id") var orderID: UUID
    @Field(key: "community_id") var communityID: UUID
    @Field(key: "resident_id") var residentID: UUID
    /// `HealthRound` description: `yyyy-MM-dd-am` / `-pm`.
    @Field(key: "round") var round: String
    @Field(key: "temperature_tenths") var temperatureTenths: Int
    /// Comma-separated `Symptom` raw values; empty for none.
    @Field(key: "symptoms") var symptoms: String
    @OptionalField(key: "note") var note: String?
    @Field(key: "recorded_at") var recordedAt: Date
    @Field(key: "recorded_by") var recordedBy: UUID

    init() {}
}
