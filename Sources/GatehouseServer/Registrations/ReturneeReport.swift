import Fluent
import Foundation

/// An arrival-day health report of someone returning from elsewhere; the community's policy sets the monitoring
/// period that follows. Origin and dates stay readable for the health roll-up; the rest is sealed.
final class ReturneeReport: Model, @unchecked Sendable {
    static let schema = "returnee_reports"

    @ID(key: .id) var id: UUID?
    @Field(key: "community_id") var communityID: UUID
    @OptionalField(key: "household_id") var householdID: UUID?
    @OptionalField(key: "resident_id") var residentID: UUID?
    @OptionalField(key: "registration_id") var registrationID: UUID?
    @Field(key: "name_sealed") var nameSealed: String
    @Field(key: "name_masked") var nameMasked: String
    @Field(key: "phone_sealed") var phoneSealed: String
    @Field(key: "phone_masked") var phoneMasked: String
    /// GB/T 2260 code.
    @Field(key: "origin_code") var originCode: String
    @Field(key: "arrival_date") var arrivalDate: String
    @Field(key: "transport") var transport: String
    @OptionalField(key: "transport_number_sealed") var transportNumberSealed: String?
    /// Comma-separated `Symptom` raw values; empty for none.
    @Field(key: "symptoms") var symptoms: String
    /// Last day of health monitoring (`yyyy-MM-dd`).
    @Field(key: "monitoring_until") var monitoringUntil: String
    /// nil for a returnee's own report; `contact` for a contact put under monitoring from a trace (`ContactActions`).
    @OptionalField(key: "source") var source: String?
    /// The person a contact's monitoring was made for.
    @OptionalField(key: "person_id") var personID: UUID?
    @Field(key: "filed_at") var filedAt: Date
    @OptionalField(key: "filed_by") var filedBy: UUID?

    init() {}
}
