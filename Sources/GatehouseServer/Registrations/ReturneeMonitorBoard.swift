import Fluent
import Foundation
import GatehouseCore

/// The health worker's board of returnees under monitoring: who is due today, who missed days, and the daily
/// check-in (temperature measured by the worker, symptoms, note).
struct ReturneeMonitorBoard {
    struct Row: Encodable {
        let reportId: UUID
        let nameMasked: String
        let householdLabel: String
        let origin: String
        let arrival: String
        let until: String
        let checkIns: Int
        let missed: Int
        let missedDays: String
        let dueToday: Bool
        /// Check-ins at or over the community's threshold, or with a symptom (red, counted on the desk).
        let unwell: Int
        /// The latest check-in needs attention.
        let unwellNow: Bool
        /// The latest check-in (转发热处置 opens a fever case from it) and the case it opened.
        let latestCheckInId: UUID?
        let latestFeverCaseId: UUID?
        /// What the person reported on arrival, and every check-in since (oldest first).
        let arrivalSymptoms: String
        let history: [CheckInLine]
    }

    struct CheckInLine: Encodable {
        let checkInId: UUID
        /// The fever case opened from this check-in (转发热处置), if any.
        let feverCaseId: UUID?
        let day: String
        let reading: String
        let symptoms: String
        let unwell: Bool
    }

    let services: GatehouseServices
    let db: any Database

    func rows(community: UUID, language: Language = .zh) async throws -> [Row] {
        let today = services.today
        let threshold = try await Community.find(community, on: db).map { GateService.feverRule(of: $0).threshold }
            ?? FeverRule.standard.threshold
        let lang = language.rawValue
        func symptomText(_ stored: String) -> String {
            let names = stored.split(separator: ",").compactMap { Symptom(rawValue: String($0))?.label.text(for: lang) }
            return names.isEmpty ? Strings.text("no_symptoms", language) : names.joined(separator: "、")
        }
        let reports = try await ReturneeReport.query(on: db).filter(\.$communityID == community)
            .filter(\.$monitoringUntil >= today.description).sort(\.$arrivalDate).limit(1000).all()
        let checks = try await ReturneeCheckIn.query(on: db).filter(\.$reportID ~~ Set(reports.map { $0.id! })).all()
        let byReport = Dictionary(grouping: checks, by: \.reportID)
        let checkIDs = Set(checks.map { $0.id! })
        let cases = checkIDs.isEmpty ? [] : try await FeverCase.query(on: db).filter(\.$checkInID ~~ checkIDs.map(Optional.some)).all()
        let caseByCheckIn = Dictionary(cases.compactMap { c in c.checkInID.map { ($0, c.id!) } }, uniquingKeysWith: { a, _ in a })
        let households = try await Household.query(on: db).filter(\.$communityID == community).all()
        let labels = Dictionary(uniqueKeysWithValues: households.map { ($0.id!, $0.label) })
        return reports.compactMap { r in
            guard let arrival = CalendarDate(parsing: r.arrivalDate), let until = CalendarDate(parsing: r.monitoringUntil) else { return nil }
            let own = (byReport[r.id!] ?? []).sorted { $0.day < $1.day }
            let days = Set(own.compactMap { CalendarDate(parsing: $0.day) })
            let status = ReturneeMonitoring(arrival: arrival, until: until, checkedIn: days, today: today)
            let history = own.map { c in
                CheckInLine(checkInId: c.id!, feverCaseId: caseByCheckIn[c.id!], day: String(c.day.suffix(5)), reading: String(format: "%.1f℃", Double(c.temperatureTenths) / 10),
                            symptoms: symptomText(c.symptoms),
                            unwell: HealthConcern.needsAttention(temperatureTenths: c.temperatureTenths,
                                                                 symptomCount: c.symptoms.split(separator: ",").count, threshold: threshold))
            }
            return Row(reportId: r.id!, nameMasked: r.nameMasked, householdLabel: r.householdID.flatMap { labels[$0] } ?? "",
                       origin: r.source == ContactActions.source ? Strings.text("traced_contact", language) : services.divisions.lookup(r.originCode).fullName, arrival: r.arrivalDate, until: r.monitoringUntil,
                       checkIns: days.count, missed: status.missed.count,
                       missedDays: status.missed.map { String($0.description.suffix(5)) }.joined(separator: "、"), dueToday: status.dueToday,
                       unwell: history.filter(\.unwell).count, unwellNow: history.last?.unwell ?? false,
                       latestCheckInId: history.last?.checkInId, latestFeverCaseId: history.last?.feverCaseId,
                       arrivalSymptoms: symptomText(r.symptoms), history: history)
        }.sorted { ($0.unwellNow ? 1 : 0, $0.missed, $0.dueToday ? 1 : 0) > ($1.unwellNow ? 1 : 0, $1.missed, $1.dueToday ? 1 : 0) }
    }

    /// How many returnees under monitoring need attention: the latest check-in unwell, or a missed day.
    struct Counts {
        let unwell: Int
        let missed: Int
    }

    /// Both counts from one reading of the board.
    func counts(community: UUID) async throws -> Counts {
        let rows = try await rows(community: community)
        return Counts(unwell: rows.filter(\.unwellNow).count, missed: rows.filter { $0.missed > 0 }.count)
    }

    /// Today's check-in for `report`.
    func checkIn(_ report: ReturneeReport, temperature: Double?, symptoms: [String], note: String?, by user: UUID) async throws {
        let today = services.today
        guard let until = CalendarDate(parsing: report.monitoringUntil), let arrival = CalendarDate(parsing: report.arrivalDate),
              today > arrival, today <= until else {
            throw AppError(.conflict, "not_monitored_today", zh: "今天不在该人员的监测期内", en: "Today is outside this person's monitoring period")
        }
        let observation = try HealthObservation(temperature: temperature, symptoms: symptoms, note: note)
        guard try await ReturneeCheckIn.query(on: db).filter(\.$reportID == report.id!).filter(\.$day == today.description).count() == 0 else {
            throw AppError(.conflict, "already_checked_in", zh: "今天已登记过", en: "Today's check-in is already recorded")
        }
        let c = ReturneeCheckIn()
        c.reportID = report.id!
        c.communityID = report.communityID
        c.day = today.description
        c.temperatureTenths = observation.temperature.tenths
        c.symptoms = observation.storedSymptoms
        c.note = observation.note
        c.recordedAt = services.clock.now()
        c.recordedBy = user
        try await c.create(on: db)
    }
}
