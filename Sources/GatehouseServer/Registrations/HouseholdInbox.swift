import Fluent
import Foundation
import GatehouseCore

/// What a household's resident page shows besides passes: visitors waiting for a host's word today, parcels at the
/// pickup point, and members due back who have not filed their arrival report.
struct HouseholdInbox: Encodable {
    struct VisitItem: Encodable {
        let id: UUID
        let nameMasked: String
        let phoneMasked: String
        let purpose: String?
        /// `waiting`, `vouched`, `declined`, `inside`, `left`.
        let state: String
        let stateLabel: String
        let canAnswer: Bool
    }

    struct DeliveryItem: Encodable {
        let id: UUID
        let platform: String
        let pickupPoint: String
        let window: String
        let loggedAt: String
        let pickedUp: Bool
    }

    struct Reminder: Encodable {
        let residentId: UUID
        let nameMasked: String
        let returningOn: String
    }

    let visits: [VisitItem]
    let deliveries: [DeliveryItem]
    let reminders: [Reminder]
    /// Where the arrival report is filed: the open gate's registration form.
    let returneeFormURL: String?

    static func load(_ household: Household, services: GatehouseServices, language: Language, on db: any Database) async throws -> HouseholdInbox {
        let lang = language.rawValue
        let today = services.today
        let now = services.clock.now()
        let visits = try await Visit.query(on: db).filter(\.$householdID == household.id!).filter(\.$day == today.description)
            .sort(\.$createdAt, .descending).all()
        var visitItems: [VisitItem] = []
        for v in visits {
            guard let r = try await SelfRegistration.find(v.registrationID, on: db) else { continue }
            let state = v.exitedAt != nil ? "left" : v.enteredAt != nil ? "inside" : v.declinedAt != nil ? "declined" : v.isVouched ? "vouched" : "waiting"
            let labels = ["left": LocalizedText(zh: "已离开", en: "Left"), "inside": LocalizedText(zh: "已进入", en: "Inside"),
                          "declined": LocalizedText(zh: "已拒绝", en: "Declined"), "vouched": LocalizedText(zh: "已担保", en: "Vouched"),
                          "waiting": LocalizedText(zh: "等待担保", en: "Waiting")]
            visitItems.append(VisitItem(id: v.id!, nameMasked: r.nameMasked, phoneMasked: r.phoneMasked,
                                        purpose: r.opened(with: services.sealer).answers["visitPurpose"], state: state,
                                        stateLabel: labels[state]!.text(for: lang), canAnswer: v.enteredAt == nil))
        }
        let since = now - 86_400
        let deliveries = try await Delivery.query(on: db).filter(\.$householdID == household.id!)
            .group(.or) { $0.filter(\.$pickedUpAt == nil).filter(\.$pickedUpAt > since) }
            .sort(\.$loggedAt, .descending).limit(20).all()
        let deliveryItems = deliveries.map { d in
            DeliveryItem(id: d.id!, platform: d.platform, pickupPoint: d.pickupPoint,
                         window: ChinaTime.text(d.windowStart, "HH:mm") + "–" + ChinaTime.text(d.windowEnd, "HH:mm"),
                         loggedAt: ChinaTime.text(d.loggedAt, "HH:mm"), pickedUp: d.pickedUpAt != nil)
        }
        var reminders: [Reminder] = []
        let due = try await Resident.query(on: db).filter(\.$household.$id == household.id!).filter(\.$returningOn != nil).with(\.$person).all()
        for r in due {
            guard let day = r.returningOn.flatMap(CalendarDate.init(parsing:)), day <= today else { continue }
            let filed = try await ReturneeReport.query(on: db).filter(\.$residentID == r.id!)
                .filter(\.$arrivalDate >= day.adding(days: -7).description).count()
            if filed == 0 { reminders.append(Reminder(residentId: r.id!, nameMasked: r.person.nameMasked, returningOn: day.description)) }
        }
        let gate = try await Checkpoint.query(on: db).filter(\.$community.$id == household.communityID).filter(\.$isOpen == true).first()
        return HouseholdInbox(visits: visitItems, deliveries: deliveryItems, reminders: reminders,
                              returneeFormURL: gate?.registrationCode.map { SiteURL.posterCategory(.value($0), .value(RegistrationCategory.returnee.rawValue)).path })
    }
}
