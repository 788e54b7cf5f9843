import Foundation
import GatehouseCore

/// One tenant's stay as the landlord's page shows it: masked identity, where from, the dates, the pass.
struct TenancyRow: Encodable {
    let id: UUID
    let nameMasked: String
    let idNumberMasked: String
    let phoneMasked: String
    let householdLabel: String
    let origin: String
    let moveIn: String
    let moveOut: String?
    let sourceLabel: String
    let status: String
    let reason: String?
    let passId: UUID?

    init(_ t: Tenancy, householdLabel: String, services: GatehouseServices, language: Language) {
        id = t.id!
        nameMasked = t.nameMasked
        let idNumber = (try? services.sealer.open(t.idNumberSealed, context: "tenancy.id_number")) ?? ""
        idNumberMasked = idNumber.isEmpty ? "" : ResidentIDNumber.mask(idNumber)
        phoneMasked = t.phoneMasked
        self.householdLabel = householdLabel
        origin = services.divisions.lookup(t.originCode).fullName
        moveIn = t.moveIn
        moveOut = t.moveOut
        sourceLabel = Strings.text(["agency": "source_agency", "landlord": "source_landlord"][t.source] ?? "source_self", language)
        status = t.status
        reason = t.decisionReason
        passId = t.passID
    }
}
