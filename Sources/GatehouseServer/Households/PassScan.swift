import Fluent
import Foundation
import GatehouseCore
import SQLKit
import Vapor

/// `POST /api/v1/passes/scan`: what the gate screen shows for a scanned pass before the temperature — the pass,
/// the household (quarantine), the holder, what is left of the outing quota, and whether the pass holds.
struct PassScan {
    struct Input: Content {
        var checkpointId: UUID
        var code: String
    }

    struct Quota: Content {
        let remaining: Int
        let text: String
        let refusal: ReasonView?
    }

    struct Result: Content {
        let valid: Bool
        let refusal: ReasonView?
        let pass: PassView?
        let householdLabel: String?
        let homeQuarantine: Bool
        /// Until when and why members of the household may not go out.
        let quarantineNotice: String?
        let holderName: String?
        let holderCategory: String?
        let memberCount: Int
        let quota: Quota?
        /// A first high reading waiting for its re-measure: the card takes the re-measure, not a new passage.
        let pendingRemeasure: PendingRemeasure?
    }

    let services: GatehouseServices
    let db: any Database
    let language: Language

    func scan(_ input: Input, by user: User) async throws -> Result {
        let (_, community) = try await GateAccess.checkpoint(input.checkpointId, for: user, on: db)
        let r = try await PassResolver(services: services, db: db).resolve(input.code, community: community.id!)
        let lang = language.rawValue
        let reason = { (e: EntryReason) in ReasonView(e, language: language) }
        var view: PassView?
        if let pass = r.pass, let household = r.household {
            view = PassView(pass, household: household, holder: r.person, token: nil, now: services.clock.now(), language: language)
        }
        var quota: Quota?
        if let status = try await OutingQuotaCounter(db: db).status(community.outingQuota, householdID: r.household?.id,
                                                                    personID: r.person?.id, passID: r.pass?.id, now: services.clock.now()) {
            let text = LocalizedText(zh: "外出剩余\(status.remaining)次（每\(status.days)天\(status.exits)次，\(status.fromHour):00–\(status.toHour):00）",
                                     en: "\(status.remaining) outing(s) left (\(status.exits) per \(status.days) days, \(status.fromHour):00–\(status.toHour):00)")
            quota = Quota(remaining: status.remaining, text: text.text(for: lang), refusal: status.refusal.map(reason))
        }
        var members = 0
        if let id = r.household?.id { members = try await Resident.query(on: db).filter(\.$household.$id == id).count() }
        let pending = r.pass == nil ? nil : try await PendingRemeasure.find(
            community: community.id!, personID: r.person?.id, passID: r.pass?.id,
            restSeconds: GateService.feverRule(of: community).restSeconds, on: db as! any SQLDatabase)
        let name = r.person?.nameSealed.flatMap { try? services.sealer.open($0, context: "person.name") }
        return Result(valid: r.isValid, refusal: r.refusal.map(reason), pass: view, householdLabel: r.household?.label,
                      homeQuarantine: r.household?.homeQuarantine ?? false,
                      quarantineNotice: try await QuarantineOrders(services: services, db: db).notice(household: r.household, language: language),
                      holderName: name,
                      holderCategory: r.resident.flatMap { ResidentCategory(rawValue: $0.category) }?.label.text(for: lang),
                      memberCount: members, quota: quota, pendingRemeasure: pending)
    }
}
