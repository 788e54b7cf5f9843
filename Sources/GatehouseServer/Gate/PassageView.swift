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

    init(_ p: Passage, restSeconds: Int, quota: OutingQuota? = nil, language: Language) {
        let readings = ReadingsCodec.decode(p.readings)
        id = p.id!
        decision = p.decision
        reasons = p.reasons.split(separator: ",").map { code in
            let reason = EntryReasonCatalog.reason(String(code), restSeconds: restSeconds, quota: quota)
            return Reason(code: String(code), message: reason.message.text(for: language.rawValue), warning: reason.isWarning)
        }
        status = p.status
        checkpointId = p.$checkpoint.id
        communityId = p.communityID
        operatorId = p.$operatorUser.id
        personId = p.$person.id
        householdId = p.householdID
        passId = p.passID
        recordedAt = p.recordedAt
        clientTime = p.clientTime
        direction = p.direction
        mode = p.mode
        nameMasked = p.nameMasked
        phoneMasked = p.phoneMasked
        temperature = Double(p.temperatureTenths) / 10
        self.readings = readings.map(\.value.celsius)
        mask = p.wearsMask
        awaitingRemeasure = p.awaitingRemeasure
        remeasureAfter = p.awaitingRemeasure ? readings.first.map { $0.takenAt + TimeInterval(restSeconds) } : nil
    }
}
