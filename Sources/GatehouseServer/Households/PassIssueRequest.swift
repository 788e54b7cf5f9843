import Fluent
import Foundation
import GatehouseCore
import Vapor

/// What the office asks for when issuing a pass (API body or web form): checked against the household.
struct PassIssueRequest: Content {
    /// `PassKind.code`; when absent, the holder's category decides (no holder: a household pass).
    var kind: String?
    var residentId: String?
    /// Last day of validity (`yyyy-MM-dd`); the community's default when absent.
    var expiresOn: String?

    /// Issues the pass for `household`.
    func issue(for household: Household, services: GatehouseServices, db: any Database, by user: UUID) async throws -> Pass {
        var resident: Resident?
        if let text = residentId, !text.isEmpty {
            guard let id = UUID(uuidString: text), let found = try await Resident.find(id, on: db), found.$household.id == household.id
            else { throw AppError.notFound }
            resident = found
        }
        let passKind: PassKind
        if let kind, !kind.isEmpty {
            guard let parsed = PassKind(code: kind) else {
                throw AppError(.unprocessableEntity, "invalid_kind", zh: "通行证类型无效", en: "Unknown pass kind")
            }
            passKind = parsed
        } else {
            passKind = resident.map { (ResidentCategory(rawValue: $0.category) ?? .permanent).passKind } ?? .household
        }
        var last: CalendarDate?
        if let text = expiresOn, !text.isEmpty {
            guard let date = CalendarDate(parsing: text) else {
                throw AppError(.unprocessableEntity, "invalid_date", zh: "日期格式应为 2027-06-30", en: "Write the date as 2027-06-30")
            }
            last = date
        }
        return try await PassService(services: services, db: db)
            .issue(passKind, household: household, resident: resident, expiresOn: last, by: user)
    }
}
