import Foundation
import Vapor

/// `POST /api/v1/passages`: one person at one gate, identified one way.
struct PassageInput: Content {
    struct NoID: Content {
        var name: String
        var phone: String
    }

    var checkpointId: UUID
    var direction: String
    var idNumber: String?
    var cardReadId: UUID?
    var noId: NoID?
    /// A scanned pass: the signed token from its QR, or its 8-character short code.
    var passCode: String?
    /// A self-registration's 6-digit code (from the person's phone), scanned or typed by the operator.
    var registrationCode: String?
    /// Name and phone for a typed ID number seen for the first time (never asked again afterwards).
    var name: String?
    var phone: String?
    var temperature: Double
    var mask: Bool
    var clientRequestId: UUID
    var clientTime: Date?
    /// The operator verified the person and registers them with the community (登记备案).
    var registerAsResident: Bool?
    /// When the gate took the passage, for one it recorded offline (its clock corrected by its offset to the
    /// server's at the last sync): at most 72 hours ago and 2 minutes ahead. Stored with that time, marked offline.
    var takenAt: Date?
    /// What the gate decided offline (`allow`, `deny`, `refer`) and why (reason codes): the passage is kept as
    /// taken; the server decides again and flags a difference for the office.
    var offlineDecision: String?
    var offlineReasons: [String]?
    /// The re-measure the gate took offline after the rest.
    var remeasure: OfflineRemeasure?
}

/// A re-measure taken at a gate without network: the reading and when.
struct OfflineRemeasure: Content {
    var temperature: Double
    var takenAt: Date
}

/// `POST /api/v1/passages/{id}/remeasure`: the reading after the rest.
struct RemeasureInput: Content {
    var temperature: Double
}
