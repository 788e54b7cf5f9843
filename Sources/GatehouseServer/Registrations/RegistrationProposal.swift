import Fluent
import Foundation

/// An operator's proposal that a person seen at the gate be registered with the community (登记备案). Only the office
/// registers, after checking (核查、核对、核实: Henan guide): it confirms the proposal into a household or rejects it.
final class RegistrationProposal: Model, @unchecked Sendable {
    static let schema = "registration_proposals"

    enum Status: String, Codable, Sendable { case pending, confirmed, rejected }

    @ID(key: .id) var id: UUID?
    @Field(key: "community_id") var communityID: UUID
    @Field(key: "checkpoint_id") var checkpointID: UUID
    @Field(key: "person_id") var personID: UUID
    /// The passage during which the operator proposed it.
    @OptionalField(key: "passage_id") var passageID: UUID?
    @Field(key: "proposed_by") var proposedBy: UUID
    @Field(key: "proposed_at") var proposedAt: Date
    /// `Status` raw value.
    @Field(key: "status") var status: String
    @OptionalField(key: "decided_by") var decidedBy: UUID?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    /// The household the office registered the person in.
    @OptionalField(key: "household_id") var householdID: UUID?
    /// The office's reason for a rejection.
    @OptionalField(key: "note") var note: String?

    init() {}

    init(communityID: UUID, checkpointID: UUID, personID: UUID, passageID: UUID?, by user: UUID, at now: Date) {
        self.id = UUID()
        self.communityID = communityID
        self.checkpointID = checkpointID
        self.personID = personID
        self.passageID = passageID
        self.proposedBy = user
        self.proposedAt = now
        self.status = Status.pending.rawValue
    }

    var statusValue: Status { Status(rawValue: status) ?? .pending }
}
