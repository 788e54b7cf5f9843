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

    init(_ p: PassageValues, restSeconds: Int, quota: OutingQuota? = nil, language: Language) {
        let readings = ReadingsCodec.decode(p.outcome.readings)
        id = p.id
        decision = p.outcome.decision
        reasons = p.outcome.reasons.split(separator: ",").map { code in
            let reason = EntryReasonCatalog.reason(String(code), restSeconds: restSeconds, quota: quota)
            return Reason(code: String(code), message: reason.message.text(for: language.rawValue), warning: reason.isWarning)
        }
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
