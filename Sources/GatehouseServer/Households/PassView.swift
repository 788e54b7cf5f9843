import Foundation
import GatehouseCore
import Vapor

/// A pass as the API and pages show it; the token is what its QR code holds.
struct PassView: Content {
    let id: UUID
    let kind: String
    let kindLabel: String
    let status: String
    let statusLabel: String
    let valid: Bool
    let shortCode: String
    let householdId: UUID
    let householdLabel: String
    let residentId: UUID?
    let holderNameMasked: String?
    let issuedAt: Date
    let expiresAt: Date
    let expiresText: String
    let replacesId: UUID?
    let token: String?

    init(_ pass: Pass, household: Household, holder: Person?, token: String?, now: Date, language: Language) {
        let lang = language.rawValue
        id = pass.id!
        kind = pass.kind
        kindLabel = (PassKind(code: pass.kind) ?? .household).label.text(for: lang)
        let expired = pass.expiresAt <= now
        status = expired && pass.statusValue == .active ? "expired" : pass.status
        statusLabel = Self.statusLabel(status).text(for: lang)
        valid = pass.statusValue == .active && !expired
        shortCode = PassShortCode(typed: pass.shortCode)?.description ?? pass.shortCode
        householdId = household.id!
        householdLabel = household.label
        residentId = pass.$resident.id
        holderNameMasked = holder?.nameMasked
        issuedAt = pass.issuedAt
        expiresAt = pass.expiresAt
        expiresText = CalendarDate(pass.expiresAt).description
        replacesId = pass.replacesID
        self.token = token
    }

    static func statusLabel(_ status: String) -> LocalizedText {
        switch status {
        case "active": return LocalizedText(zh: "有效", en: "Valid")
        case "suspended": return LocalizedText(zh: "已暂停", en: "Suspended")
        case "expired": return LocalizedText(zh: "已过期", en: "Expired")
        default: return LocalizedText(zh: "已作废", en: "Revoked")
        }
    }
}
