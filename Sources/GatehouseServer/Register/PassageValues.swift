import Foundation
import GatehouseCore

/// A passage's columns as plain values. The gate's hot path builds, stores (`PassageRecord`) and answers
/// (`PassageView`) a passage from these without a Fluent model, whose property wrappers cost a twentieth of a passage;
/// a stored `Passage` gives its own (`Passage.values`).
struct PassageValues: Sendable {
    /// The columns an entry decision sets (at the first reading, again at a re-measure).
    struct Outcome: Sendable {
        /// Every reading, oldest first (`ReadingsCodec`).
        var readings: String
        /// The reading that counts (the last one), in tenths of a degree.
        var temperatureTenths: Int
        var status: TemperatureStatus
        var decision: String
        /// Reason codes, comma-separated.
        var reasons: String
        var awaitingRemeasure: Bool
    }

    var id: UUID
    var communityID: UUID
    var checkpointID: UUID
    var operatorID: UUID
    var personID: UUID?
    var householdID: UUID?
    var passID: UUID?
    var registrationID: UUID?
    var direction: Direction
    var mode: String
    var outcome: Outcome
    var wearsMask: Bool
    var nameMasked: String
    var phoneMasked: String
    var recordedAt: Date
    var clientTime: Date?
    var clientRequestID: UUID
    var updatedAt: Date
    /// Taken while the gate was offline (at `recordedAt`), stored at sync.
    var offline = false
    /// The server's own decision at sync, where it differs from the one the gate took offline.
    var review: Review? = nil

    /// What the server decided for a passage taken offline, beside the decision the gate took (离线放行待复核).
    struct Review: Sendable, Equatable {
        var decision: String
        /// Reason codes, comma-separated.
        var reasons: String
    }
}

extension PassageValues.Outcome {
    /// What `outcome` decided after `readings` (in an extension, so that the memberwise initializer stays).
    init(_ outcome: EntryOutcome, readings: [TemperatureReading]) {
        let awaiting = if case .remeasureRequired = outcome.fever { true } else { false }
        self.init(readings: ReadingsCodec.encode(readings), temperatureTenths: readings.last!.value.tenths,
                  status: outcome.status, decision: outcome.decision.rawValue,
                  reasons: outcome.reasons.map(\.code).joined(separator: ","), awaitingRemeasure: awaiting)
    }
}
