import Fluent
import Foundation
import GatehouseCore

/// The office's list of passages a gate took offline where the server, applying the rules again at sync, would have
/// decided otherwise (离线放行待复核): a pass revoked meanwhile, a household under quarantine, a quota spent — two
/// phones at one gate each letting the same household out included. Each stays until someone marks it reviewed.
struct OfflineReviews {
    /// The page shows the latest; the record list has them all.
    static let limit = 100

    struct Row: Encodable {
        let passageId: UUID
        let nameMasked: String
        let checkpointName: String
        /// When it was taken at the gate, and who took it (谁登记).
        let takenAt: String
        let operatorName: String
        let direction: String
        let gateDecision: String
        /// The gate's reasons as sentences, nil when it gave none.
        let gateReasons: String?
        let serverDecision: String
        let serverReasons: String
    }

    let services: GatehouseServices
    let db: any Database
    let language: Language

    /// `idx_passages_offline_review` (M023) holds exactly these rows.
    func list(community: Community) async throws -> [Row] {
        let passages = try await Passage.query(on: db).filter(\.$communityID == community.requireID())
            .filter(\.$reviewDecision != nil).filter(\.$reviewedAt == nil)
            .sort(\.$recordedAt, .descending).limit(Self.limit).all()
        guard !passages.isEmpty else { return [] }
        let rule = GateService.feverRule(of: community)
        let views = passages.map { PassageView($0.values, restSeconds: rule.restSeconds, quota: community.outingQuota, language: language) }
        let names = try await StaffNames.of(views, services: services, on: db)
        let now = services.clock.now()
        func decision(_ code: String) -> String { Strings.text("decision_\(code)", language) }
        return views.map { v in
            Row(passageId: v.id, nameMasked: v.nameMasked, checkpointName: names.checkpoint(v.checkpointId),
                takenAt: RecordRow.listTime(v.recordedAt, now: now), operatorName: names.staff(v.operatorId),
                direction: Strings.text(v.direction == "out" ? "direction_out" : "direction_in", language),
                gateDecision: decision(v.decision), gateReasons: v.reasons.isEmpty ? nil : v.reasons.map(\.message).joined(separator: "；"),
                serverDecision: decision(v.review?.decision ?? ""), serverReasons: (v.review?.reasons ?? []).map(\.message).joined(separator: "；"))
        }
    }

    /// Marks a passage reviewed by `user` (an admin of its community): it leaves the list, the record keeps both decisions.
    func markReviewed(_ passageID: UUID?, by user: User) async throws -> Passage {
        guard let passageID, let passage = try await Passage.find(passageID, on: db) else { throw AppError.notFound }
        _ = try await AccessScope(user).community(passage.communityID, on: db)
        guard passage.reviewDecision != nil else { throw AppError.notFound }
        if passage.reviewedAt == nil {
            passage.reviewedAt = services.clock.now()
            passage.reviewedBy = try user.requireID()
            try await passage.save(on: db)
        }
        return passage
    }
}
