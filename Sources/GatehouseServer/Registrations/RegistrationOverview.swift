import Fluent
import Foundation
import GatehouseCore

/// The community office's view of self-registrations: pass applications to decide, visitors still inside (those
/// from an earlier day first), today's parcels and recent returnee reports.
struct RegistrationOverview: Encodable {
    struct Application: Encodable {
        let id: UUID
        let nameMasked: String
        let idNumberMasked: String
        let phoneMasked: String
        let householdLabel: String
        let submittedAt: String
    }

    struct VisitorInside: Encodable {
        let nameMasked: String
        let phoneMasked: String
        let householdLabel: String
        let enteredAt: String
        let host: String
        let earlierDay: Bool
    }

    struct DeliveryRow: Encodable {
        let platform: String
        let householdLabel: String
        let window: String
        let pickedUp: Bool
    }

    struct ReturneeRow: Encodable {
        let nameMasked: String
        let householdLabel: String
        let origin: String
        let arrival: String
        let monitoringUntil: String
        let symptoms: String
    }

    struct Poster: Encodable {
        let checkpointId: UUID
        let name: String
        let isOpen: Bool
    }

    let applications: [Application]
    let visitorsInside: [VisitorInside]
    let visitorsToday: Int
    let deliveries: [DeliveryRow]
    let returnees: [ReturneeRow]
    let posters: [Poster]

    static func load(_ community: Community, services: GatehouseServices, language: Language, on db: any Database) async throws -> RegistrationOverview {
        let lang = language.rawValue
        let cid = community.id!
        let today = services.today
        let labels = Dictionary(uniqueKeysWithValues: try await Household.query(on: db).filter(\.$communityID == cid).all().map { ($0.id!, $0.label) })

        let pending = try await SelfRegistration.query(on: db).filter(\.$communityID == cid)
            .filter(\.$category == RegistrationCategory.resident.rawValue).filter(\.$status == SelfRegistration.Status.pending.rawValue)
            .sort(\.$createdAt).limit(200).all()
        let applications = pending.map { r in
            Application(id: r.id!, nameMasked: r.nameMasked,
                        idNumberMasked: r.opened(with: services.sealer).idNumber.map(ResidentIDNumber.mask) ?? "",
                        phoneMasked: r.phoneMasked, householdLabel: r.householdLabel ?? "", submittedAt: ChinaTime.onScreen(r.createdAt, now: services.clock.now()))
        }

        let inside = try await Visit.query(on: db).filter(\.$communityID == cid).filter(\.$enteredAt != nil).filter(\.$exitedAt == nil)
            .sort(\.$enteredAt).limit(500).all()
        var visitors: [VisitorInside] = []
        for v in inside {
            guard let r = try await SelfRegistration.find(v.registrationID, on: db) else { continue }
            var host = v.vouchedVia == "gate" ? LocalizedText(zh: "门口扫证", en: "at the gate").text(for: lang) : LocalizedText(zh: "手机担保", en: "on the phone").text(for: lang)
            if let rid = v.vouchedByResidentID, let resident = try await Resident.find(rid, on: db), let p = try await Person.find(resident.$person.id, on: db) {
                host = p.nameMasked + " · " + host
            }
            visitors.append(VisitorInside(nameMasked: r.nameMasked, phoneMasked: r.phoneMasked, householdLabel: labels[v.householdID] ?? "",
                                          enteredAt: v.enteredAt.map { ChinaTime.onScreen($0, now: services.clock.now()) } ?? "", host: host, earlierDay: v.day < today.description))
        }
        let visitorsToday = try await Visit.query(on: db).filter(\.$communityID == cid).filter(\.$day == today.description).count()

        let startOfDay = PassService.endOfDay(today.adding(days: -1))
        let deliveries = try await Delivery.query(on: db).filter(\.$communityID == cid).filter(\.$loggedAt > startOfDay)
            .sort(\.$loggedAt, .descending).limit(500).all().map {
                DeliveryRow(platform: $0.platform, householdLabel: labels[$0.householdID] ?? "",
                            window: ChinaTime.text($0.windowStart, "HH:mm") + "–" + ChinaTime.text($0.windowEnd, "HH:mm"), pickedUp: $0.pickedUpAt != nil)
            }

        let reports = try await ReturneeReport.query(on: db).filter(\.$communityID == cid)
            .filter(\.$monitoringUntil >= today.description).sort(\.$arrivalDate, .descending).limit(500).all()
        let returnees = reports.map { r in
            ReturneeRow(nameMasked: r.nameMasked, householdLabel: r.householdID.flatMap { labels[$0] } ?? "",
                        origin: services.divisions.lookup(r.originCode).fullName, arrival: r.arrivalDate, monitoringUntil: r.monitoringUntil,
                        symptoms: r.symptoms.isEmpty ? LocalizedText(zh: "无", en: "None").text(for: lang)
                            : r.symptoms.split(separator: ",").compactMap { Symptom(rawValue: String($0))?.label.text(for: lang) }.joined(separator: "、"))
        }
        let gates = try await Checkpoint.query(on: db).filter(\.$community.$id == cid).sort(\.$name).all()
        return RegistrationOverview(applications: applications, visitorsInside: visitors, visitorsToday: visitorsToday,
                                    deliveries: deliveries, returnees: returnees,
                                    posters: gates.map { Poster(checkpointId: $0.id!, name: $0.name, isOpen: $0.isOpen) })
    }
}
