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
    }

    let services: GatehouseServices
    let db: any Database

    func rows(community: UUID) async throws -> [Row] {
        let today = services.today
        let reports = try await ReturneeReport.query(on: db).filter(\.$communityID == community)
            .filter(\.$monitoringUntil >= today.description).sort(\.$arrivalDate).limit(1000).all()
        let checks = try await ReturneeCheckIn.query(on: db).filter(\.$reportID ~~ Set(reports.map { $0.id! })).all()
        let byReport = Dictionary(grouping: checks, by: \.reportID)
        let households = try await Household.query(on: db).filter(\.$communityID == community).all()
        let labels = Dictionary(uniqueKeysWithValues: households.map { ($0.id!, $0.label) })
        return reports.compactMap { r in
            guard let arrival = CalendarDate(parsing: r.arrivalDate), let until = CalendarDate(parsing: r.monitoringUntil) else { return nil }
            let days = Set((byReport[r.id!] ?? []).compactMap { CalendarDate(parsing: $0.day) })
            let status = ReturneeMonitoring(arrival: arrival, until: until, checkedIn: days, today: today)
            return Row(reportId: r.id!, nameMasked: r.nameMasked, householdLabel: r.householdID.flatMap { labels[$0] } ?? "",
                       origin: services.divisions.lookup(r.originCode).fullName, arrival: r.arrivalDate, until: r.monitoringUntil,
                       checkIns: days.count, missed: status.missed.count,
                       missedDays: status.missed.map { String($0.description.suffix(5)) }.joined(separator: "、"), dueToday: status.dueToday)
        }.sorted { ($0.missed, $0.dueToday ? 1 : 0) > ($1.missed, $1.dueToday ? 1 : 0) }
    }

    /// How many returnees under monitoring have missed a check-in.
    func missedCount(community: UUID) async throws -> Int {
        try await rows(community: community).filter { $0.missed > 0 }.count
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
