import Foundation
import GatehouseCore
import Vapor

/// A passage as the API and the screens show it: personal fields masked.
struct PassageView: Content {
    struct Reason: Content {
        let code: String
        let message: String
        let warning: Bool
    }

    let id: UUID
    let decision: String
    let reasons: [Reason]
    let status: String
    let checkpointId: UUID
    let communityId: UUID
    let operatorId: UUID
    let personId: UUID?
    let householdId: UUID?
    let passId: UUID?
    let recordedAt: Date
    let clientTime: Date?
    let direction: String
    let mode: String
    let nameMasked: String
    let phoneMasked: String
    let temperature: Double
    let readings: [Double]
    let mask: Bool
    let awaitingRemeasure: Bool
    let remeasureAfter: Date?
    /// Taken while the gate was offline (at `recordedAt`), stored when it synced.
    let offline: Bool
    /// The server's own decision at sync, where it differs from the one the gate took (离线放行待复核).
    let review: Review?

    struct Review: Content {
        let decision: String
        let reasons: [Reason]
    }

    init(_ p: PassageValues, restSeconds: Int, quota: OutingQuota? = nil, language: Language) {
        let readings = ReadingsCodec.decode(p.outcome.readings)
        func reasons(_ codes: String) -> [Reason] {
            codes.split(separator: ",").map { code in
                let reason = EntryReasonCatalog.reason(String(code), restSeconds: restSeconds, quota: quota)
                return Reason(code: String(code), message: reason.message.text(for: language.rawValue), warning: reason.isWarning)
            }
        }
        id = p.id
        decision = p.outcome.decision
        self.reasons = reasons(p.outcome.reasons)
        offline = p.offline
        review = p.review.map { Review(decision: $0.decision, reasons: reasons($0.reasons)) }
        status = p.outcome.status.rawValue
        checkpointId = p.checkpointID
        communityId = p.communityID
        operatorId = p.operatorID
        personId = p.personID
        householdId = p.householdID
        passId = p.passID
        recordedAt = p.recordedAt
        clientTime = p.clientTime
        direction = p.direction.rawValue
        mode = p.mode
        nameMasked = p.nameMasked
        phoneMasked = p.phoneMasked
        temperature = Double(p.outcome.temperatureTenths) / 10
        self.readings = readings.map(\.value.celsius)
        mask = p.wearsMask
        awaitingRemeasure = p.outcome.awaitingRemeasure
        remeasureAfter = p.outcome.awaitingRemeasure ? readings.first.map { $0.takenAt + TimeInterval(restSeconds) } : nil
    }
}
