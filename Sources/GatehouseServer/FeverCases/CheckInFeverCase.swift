import Fluent
import Foundation
import GatehouseCore
import GatehouseStore

/// 转发热处置: a returnee's check-in that needs attention (a reading at or over the community's threshold, or a
/// symptom) opens a fever case with its reading, at `confirmed`, the same workflow as a fever at the gate.
/// Each check-in opens one case: asking again leads to the case already opened.
struct CheckInFeverCase {
    let services: GatehouseServices
    let db: any Database

    func open(from checkIn: ReturneeCheckIn, by user: User) async throws -> FeverCase {
        if let existing = try await FeverCase.query(on: db).filter(\.$checkInID == checkIn.id!).first() { return existing }
        guard let report = try await ReturneeReport.find(checkIn.reportID, on: db) else { throw AppError.notFound }
        let community = try await Community.find(checkIn.communityID, on: db)
        let threshold = community.map { GateService.feverRule(of: $0).threshold } ?? FeverRule.standard.threshold
        let symptoms = checkIn.symptoms.split(separator: ",").count
        guard HealthConcern.needsAttention(temperatureTenths: checkIn.temperatureTenths, symptomCount: symptoms, threshold: threshold) else {
            throw AppError(.conflict, "check_in_well", zh: "这次登记体温正常、无症状，无需发热处置",
                           en: "This check-in has a normal reading and no symptom: no fever case is needed")
        }
        let now = services.clock.now()
        let userID = try user.requireID()
        let c = FeverCase()
        c.communityID = checkIn.communityID
        c.checkInID = checkIn.id!
        c.householdID = report.householdID
        c.status = FeverCaseStage.confirmed.rawValue
        c.stageSince = now
        c.temperatureTenths = checkIn.temperatureTenths
        c.openedAt = now
        c.openedBy = userID
        do {
            try await db.writeTransaction { tx in
                try await c.create(on: tx)
                // The reading as the health worker took it at the check-in, then the confirmation now.
                for (stage, at, by, tenths) in [(FeverCaseStage.measured, checkIn.recordedAt, checkIn.recordedBy, Optional(checkIn.temperatureTenths)),
                                                (.confirmed, now, userID, nil)] {
                    let e = FeverCaseEvent()
                    e.caseID = c.id!
                    e.communityID = c.communityID
                    e.stage = stage.rawValue
                    e.at = at
                    e.by = by
                    e.temperatureTenths = tenths
                    e.note = stage == .measured ? checkIn.note : nil
                    try await e.create(on: tx)
                }
            }
        } catch {
            // Two people pressed at once: the check-in is unique among cases; lead both to the one opened.
            if let existing = try await FeverCase.query(on: db).filter(\.$checkInID == checkIn.id!).first() { return existing }
            throw error
        }
        return c
    }
}
