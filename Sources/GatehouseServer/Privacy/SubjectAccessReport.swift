import Fluent
import Foundation
import GatehouseCore

/// Everything held about a signed-in resident and their household, as they may see it: their own data in full,
/// other members masked, the household's passes, passages (with who recorded each), visits, parcels, quarantine
/// orders, supply requests, returnee reports — and the audit entries that touched them.
struct SubjectAccessReport: Encodable {
    struct Fact: Encodable { let label: String; let value: String }
    struct Line: Encodable { let when: String; let what: String; let by: String }

    let mine: [Fact]
    let householdLabel: String
    let members: [HouseholdMember]
    let passes: [PassView]
    let passages: [Line]
    let visits: [Line]
    let deliveries: [Line]
    let quarantine: [QuarantineBoard.Past]
    let supplies: [SupplyDesk.Task]
    let returnees: [Line]
    let audit: [Line]

    static func build(for resident: Resident, household: Household, services: GatehouseServices, language: Language,
                      on db: any Database) async throws -> SubjectAccessReport {
        let lang = language.rawValue
        let t = { (key: String) in Strings.text(key, language) }
        let sealer = services.sealer
        guard let person = try await Person.find(resident.$person.id, on: db) else { throw AppError.notFound }
        func open(_ sealed: String?, _ context: String) -> String? { sealed.flatMap { try? sealer.open($0, context: context) } }
        var mine: [Fact] = []
        if let name = open(person.nameSealed, "person.name") { mine.append(Fact(label: t("person_name"), value: name)) }
        if let id = open(person.idNumberSealed, "person.id_number") { mine.append(Fact(label: t("id_number"), value: id)) }
        if let phone = open(person.phoneSealed, "person.phone") { mine.append(Fact(label: t("phone"), value: phone)) }
        if let card = open(person.cardSealed, "person.card").flatMap({ try? JSONDecoder().decode(CardDetails.self, from: Data($0.utf8)) }) {
            if let e = card.ethnicity { mine.append(Fact(label: t("ethnicity"), value: e)) }
            if let a = card.address { mine.append(Fact(label: t("card_address"), value: a)) }
            if let v = card.validUntil { mine.append(Fact(label: t("valid_until"), value: v)) }
        }
        mine.append(Fact(label: t("category"), value: (ResidentCategory(rawValue: resident.category) ?? .permanent).label.text(for: lang)))
        if let at = person.registeredAt { mine.append(Fact(label: t("registered_at"), value: ChinaTime.onScreen(at, now: services.clock.now()))) }

        let hid = household.id!
        let members = try await HouseholdMember.list(household, services: services, language: language, on: db)
        let passList = try await Pass.query(on: db).filter(\.$household.$id == hid).sort(\.$issuedAt, .descending).all()
            .filter { $0.$resident.id == nil || $0.$resident.id == resident.id }
        let passes = try await PassViews(services: services, db: db, language: language).views(passList, withTokens: false)

        let passageRows = try await Passage.query(on: db).group(.or) { $0.filter(\.$householdID == hid).filter(\.$person.$id == person.id!) }
            .sort(\.$recordedAt, .descending).limit(200).all()
        let gates = try await Checkpoint.query(on: db).filter(\.$id ~~ Set(passageRows.map { $0.$checkpoint.id })).all()
        let gateNames = Dictionary(uniqueKeysWithValues: gates.map { ($0.id!, $0.name) })
        var userIDs = Set(passageRows.map { $0.$operatorUser.id })
        let auditRows = try await AuditEvent.query(on: db).group(.or) { $0.filter(\.$target ~~ hid.uuidString).filter(\.$target ~~ person.id!.uuidString) }
            .sort(\.$at, .descending).limit(200).all()
        userIDs.formUnion(auditRows.map(\.userID))
        let users = try await User.query(on: db).filter(\.$id ~~ userIDs).all()
        let names = StaffNames.byID(users, services: services, roles: language)
        let passages = passageRows.map { p in
            Line(when: ChinaTime.onScreen(p.recordedAt, now: services.clock.now()),
                 what: "\(gateNames[p.$checkpoint.id] ?? "") · \(p.direction.label.text(for: lang)) · "
                     + String(format: "%.1f℃", Double(p.temperatureTenths) / 10) + " · \((EntryDecision(rawValue: p.decision) ?? .deny).label.text(for: lang))",
                 by: names[p.$operatorUser.id] ?? "")
        }
        let visits = try await Visit.query(on: db).filter(\.$householdID == hid).sort(\.$day, .descending).limit(100).all().map { v in
            Line(when: v.day, what: [v.enteredAt.map { t("sa_entered") + " " + ChinaTime.text($0, "HH:mm") },
                                     v.exitedAt.map { t("sa_exited") + " " + ChinaTime.text($0, "HH:mm") }].compactMap { $0 }.joined(separator: " · "),
                 by: v.vouchedVia ?? "")
        }
        let deliveries = try await Delivery.query(on: db).filter(\.$householdID == hid).sort(\.$loggedAt, .descending).limit(100).all().map { d in
            Line(when: ChinaTime.onScreen(d.loggedAt, now: services.clock.now()), what: d.platform, by: d.pickedUpAt.map { t("sa_picked_up") + " " + ChinaTime.onScreen($0, now: services.clock.now()) } ?? "")
        }
        let quarantine = try await QuarantineBoard(services: services, db: db, language: language).history(household: hid)
        let supplies = try await SupplyDesk(services: services, db: db).tasks(household: hid)
        let returnees = try await ReturneeReport.query(on: db).filter(\.$householdID == hid).all().map { r in
            Line(when: r.arrivalDate, what: r.nameMasked + " · " + services.divisions.lookup(r.originCode).fullName,
                 by: t("monitoring_until") + " " + r.monitoringUntil)
        }
        // Each entry as a sentence naming who saw or changed what, with the reason they gave.
        let sentences = try await AuditSentences(services: services, db: db).build(auditRows, language: language)
        let audit = auditRows.map { e in
            Line(when: ChinaTime.onScreen(e.at, now: services.clock.now()),
                 what: (sentences[e.id!] ?? "") + (e.reason.map { language == .zh ? "，理由：\($0)" : "; reason: \($0)" } ?? ""),
                 by: "")
        }
        return SubjectAccessReport(mine: mine, householdLabel: household.label, members: members, passes: passes, passages: passages,
                                   visits: visits, deliveries: deliveries, quarantine: quarantine, supplies: supplies, returnees: returnees,
                                   audit: audit)
    }
}
