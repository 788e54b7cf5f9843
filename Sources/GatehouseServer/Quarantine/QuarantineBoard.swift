import Fluent
import Foundation
import GatehouseCore
import Vapor

/// The health worker's board of households under home quarantine: each order (days, reason, who ordered it), each
/// member's twice-daily health rounds (missed ones first), the report form for the current round, and the history.
struct QuarantineBoard {
    struct Member: Content {
        let residentId: UUID
        let nameMasked: String
        let reports: Int
        let missed: Int
        let missedRounds: String
        let dueNow: Bool
        let lastReport: String?
        let lastAbnormal: Bool
    }

    struct Order: Content {
        let id: UUID
        let householdId: UUID
        let householdLabel: String
        let startsOn: String
        let endsOn: String
        let reason: String
        let orderedBy: String
        let inForce: Bool
        let daysLeft: Int
        let missed: Int
        let members: [Member]
    }

    struct Event: Content {
        let kind: String
        let label: String
        let at: String
        let by: String
        let endsOn: String
        let note: String?
    }

    struct Past: Content {
        let id: UUID
        let householdLabel: String
        let startsOn: String
        let endsOn: String
        let reason: String
        let orderedBy: String
        let events: [Event]
    }

    let services: GatehouseServices
    let db: any Database
    let language: Language

    private var orders: QuarantineOrders { QuarantineOrders(services: services, db: db) }

    /// Open orders of the community (in force first, most missed rounds first).
    func open(community: UUID) async throws -> [Order] {
        let list = try await QuarantineOrder.query(on: db).filter(\.$communityID == community).filter(\.$releasedAt == nil)
            .sort(\.$startsOn).limit(500).all()
        guard !list.isEmpty else { return [] }
        let households = try await Household.query(on: db).filter(\.$id ~~ Set(list.map(\.householdID))).all()
        let labels = Dictionary(uniqueKeysWithValues: households.map { ($0.id!, $0.label) })
        let residents = try await Resident.query(on: db).filter(\.$household.$id ~~ Set(list.map(\.householdID)))
            .with(\.$person).sort(\.$createdAt).all()
        let members = Dictionary(grouping: residents, by: { $0.$household.id })
        let reports = try await QuarantineHealthReport.query(on: db).filter(\.$orderID ~~ Set(list.map { $0.id! })).all()
        let byMember = Dictionary(grouping: reports, by: { "\($0.orderID)/\($0.residentID)" })
        let now = services.clock.now()
        let today = services.today
        let lang = language.rawValue
        let threshold = try await Community.find(community, on: db).map { GateService.feverRule(of: $0).threshold }
            ?? FeverRule.standard.threshold
        return list.compactMap { order -> Order? in
            guard let period = orders.period(of: order) else { return nil }
            let inForce = period.isInForce(on: today)
            let first = max(HealthRound(day: period.start, half: .morning), HealthRound(order.createdAt))
            let rows = (members[order.householdID] ?? []).map { r -> Member in
                let own = (byMember["\(order.id!)/\(r.id!)"] ?? []).sorted { $0.recordedAt < $1.recordedAt }
                let rounds = QuarantineRounds(first: first, lastDay: period.end, reported: Set(own.compactMap { HealthRound(parsing: $0.round) }),
                                              now: HealthRound(now))
                let last = own.last
                return Member(residentId: r.id!, nameMasked: r.person.nameMasked, reports: own.count,
                              missed: inForce ? rounds.missed.count : 0,
                              missedRounds: rounds.missed.suffix(6).map { "\($0.day.description.suffix(5)) \($0.half.label.text(for: lang))" }
                                  .joined(separator: "、"),
                              dueNow: inForce && rounds.dueNow,
                              lastReport: last.map { l in
                                  let symptoms = l.symptoms.split(separator: ",").compactMap { Symptom(rawValue: String($0))?.label.text(for: lang) }
                                  return "\(ChinaTime.onScreen(l.recordedAt, now: services.clock.now())) \(Double(l.temperatureTenths) / 10)℃ "
                                      + (symptoms.isEmpty ? Strings.text("no_symptoms", language) : symptoms.joined(separator: "、"))
                                      + (l.note.map { "（\($0)）" } ?? "")
                              },
                              lastAbnormal: last.map {
                                  HealthConcern.needsAttention(temperatureTenths: $0.temperatureTenths,
                                                               symptomCount: $0.symptoms.split(separator: ",").count, threshold: threshold)
                              } ?? false)
            }
            return Order(id: order.id!, householdId: order.householdID, householdLabel: labels[order.householdID] ?? "",
                         startsOn: order.startsOn.description, endsOn: order.endsOn.description, reason: order.reason, orderedBy: order.orderedBy,
                         inForce: inForce, daysLeft: period.daysLeft(on: today), missed: rows.reduce(0) { $0 + $1.missed }, members: rows)
        }.sorted { ($0.inForce ? 0 : 1, -$0.missed, $0.householdLabel) < ($1.inForce ? 0 : 1, -$1.missed, $1.householdLabel) }
    }

    /// How many members' rounds have been missed, over the community's orders in force.
    func missedCount(community: UUID) async throws -> Int {
        try await open(community: community).reduce(0) { $0 + $1.missed }
    }

    /// Ended orders with their history, newest first; or one household's orders (open ones too).
    func history(community: UUID? = nil, household: UUID? = nil, limit: Int = 30) async throws -> [Past] {
        var query = QuarantineOrder.query(on: db)
        if let community { query = query.filter(\.$communityID == community).filter(\.$releasedAt != nil) }
        if let household { query = query.filter(\.$householdID == household) }
        let list = try await query.sort(\.$createdAt, .descending).limit(limit).all()
        guard !list.isEmpty else { return [] }
        let events = try await QuarantineOrderEvent.query(on: db).filter(\.$orderID ~~ Set(list.map { $0.id! })).sort(\.$at).all()
        let byOrder = Dictionary(grouping: events, by: \.orderID)
        let users = try await User.query(on: db).filter(\.$id ~~ Set(events.compactMap(\.by))).all()
        let names = StaffNames.byID(users, services: services)
        let households = try await Household.query(on: db).filter(\.$id ~~ Set(list.map(\.householdID))).all()
        let labels = Dictionary(uniqueKeysWithValues: households.map { ($0.id!, $0.label) })
        let lang = language.rawValue
        return list.map { o in
            Past(id: o.id!, householdLabel: labels[o.householdID] ?? "", startsOn: o.startsOn.description, endsOn: o.endsOn.description, reason: o.reason,
                 orderedBy: o.orderedBy, events: (byOrder[o.id!] ?? []).map { e in
                     Event(kind: e.kind, label: QuarantineOrderEventKind(rawValue: e.kind)?.label.text(for: lang) ?? e.kind,
                           at: ChinaTime.onScreen(e.at, now: services.clock.now()),
                           by: e.by.flatMap { names[$0] } ?? Strings.text("system", language), endsOn: e.endsOn.description, note: e.note)
                 })
        }
    }

    /// The current round's report for one member (temperature measured by the health worker).
    func report(_ order: QuarantineOrder, resident: UUID?, temperature: Double?, symptoms: [String], note: String?,
                by user: UUID) async throws {
        guard order.releasedAt == nil, let period = orders.period(of: order), period.isInForce(on: services.today) else {
            throw AppError(.conflict, "quarantine_not_in_force", zh: "该户今天不在隔离期内", en: "This household is not under quarantine today")
        }
        guard let resident, let member = try await Resident.find(resident, on: db), member.$household.id == order.householdID else {
            throw AppError(.unprocessableEntity, "unknown_member", zh: "该成员不属于此户", en: "Not a member of this household")
        }
        let observation = try HealthObservation(temperature: temperature, symptoms: symptoms, note: note)
        let now = services.clock.now()
        let round = HealthRound(now)
        guard try await QuarantineHealthReport.query(on: db).filter(\.$orderID == order.id!).filter(\.$residentID == member.id!)
            .filter(\.$round == round.description).count() == 0 else {
            throw AppError(.conflict, "round_already_reported", zh: "本时段已报告过", en: "This round is already reported")
        }
        let r = QuarantineHealthReport()
        r.orderID = order.id!
        r.communityID = order.communityID
        r.residentID = member.id!
        r.round = round.description
        r.temperatureTenths = observation.temperature.tenths
        r.symptoms = observation.storedSymptoms
        r.note = observation.note
        r.recordedAt = now
        r.recordedBy = user
        try await r.create(on: db)
    }
}
