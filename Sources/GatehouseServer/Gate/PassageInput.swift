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
}

/// `POST /api/v1/passages/{id}/remeasure`: the reading after the rest.
struct RemeasureInput: Content {
    var temperature: Double
}
