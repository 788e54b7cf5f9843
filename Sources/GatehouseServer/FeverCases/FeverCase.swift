import Fluent
import Foundation

/// A confirmed fever at the gate (its passage), or at a returnee's daily check-in (`checkInID`), opened at `confirmed`; community, property and health staff take it through the
/// observation room, the report, the decision and the room's disinfection to closed (`FeverCaseStage`).
final class FeverCase: Model, @unchecked Sendable {
    static let schema = "fever_cases"

    @ID(key: .id) var id: UUID?
    @Field(key: "community_id") var communityID: UUID
    @OptionalField(key: "checkpoint_id") var checkpointID: UUID?
    @OptionalField(key: "passage_id") var passageID: UUID?
    /// Opened by the health worker from a returnee's check-in (转发热处置) instead of at the gate.
    @OptionalField(key: "check_in_id") var checkInID: UUID?
    @OptionalField(key: "person_id") var personID: UUID?
    @OptionalField(key: "household_id") var householdID: UUID?
    /// `FeverCaseStage` raw value.
    @Field(key: "status") var status: String
    /// When the case reached its stage (a late next step is measured from here).
    @OptionalField(key: "stage_since") var stageSince: Date?
    /// The observation room (a disinfection schedule of place `observationRoom`).
    @OptionalField(key: "room_schedule_id") var roomScheduleID: UUID?
    @OptionalField(key: "closed_at") var closedAt: Date?
    /// At the transfer: whether the household went into home quarantine (`HouseholdDecision`), and its order.
    @OptionalField(key: "household_decision") var householdDecision: String?
    @OptionalField(key: "quarantine_order_id") var quarantineOrderID: UUID?
    @Field(key: "temperature_tenths") var temperatureTenths: Int
    @Field(key: "opened_at") var openedAt: Date
    @Field(key: "opened_by") var openedBy: UUID

    init() {}
}
