import Fluent
import Foundation
import GatehouseCore
import GatehouseStore

/// Police spot checks of gates: recorded by police in the communities granted to them, seen by those communities'
/// offices.
struct SpotChecks {
    let services: GatehouseServices
    let db: any Database

    struct Row: Encodable {
        let id: UUID
        let communityName: String
        let checkpointName: String
        let checkedAt: String
        let checkedBy: String
        let rating: String
        let ratingLabel: String
        let findings: String
        let photos: [Int]
    }

    func record(community: Community, checkpoint: UUID?, rating: String?, findings: String?, photos: [Data], by user: User) async throws {
        guard let checkpoint, let gate = try await Checkpoint.find(checkpoint, on: db), gate.$community.id == community.id else {
            throw AppError(.unprocessableEntity, "unknown_checkpoint", zh: "请选择卡点", en: "Choose the gate")
        }
        guard let rating = rating.flatMap(SpotCheckRating.init(rawValue:)) else {
            throw AppError(.unprocessableEntity, "rating_required", zh: "请选择检查结果", en: "Choose the rating")
        }
        let text = findings?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !text.isEmpty, text.count <= 500 else {
            throw AppError(.unprocessableEntity, "findings_required", zh: "请填写检查情况（500字以内）", en: "Describe the findings (at most 500 characters)")
        }
        let images = photos.filter { !$0.isEmpty }
        guard images.count <= 3 else { throw AppError(.unprocessableEntity, "too_many_photos", zh: "最多3张照片", en: "At most 3 photos") }
        let userID = try user.requireID()
        let store = PhotoStore(services: services, db: db)
        let stored = try images.map { try store.photo($0, community: community.id!, by: userID) }
        let check = SpotCheck()
        check.communityID = community.id!
        check.checkpointID = gate.id!
        check.checkedAt = services.clock.now()
        check.checkedBy = userID
        check.rating = rating.rawValue
        check.findings = text
        try await db.writeTransaction { tx in
            for p in stored { try await p.create(on: tx) }
            check.photoIDs = stored.map { $0.id!.uuidString }.joined(separator: ",")
            try await check.create(on: tx)
        }
        try await AuditLog(services: services, db: db).record(.spotCheck, by: user, community: community.id, target: "checkpoint:\(gate.id!)",
                                                              detail: "\(rating.rawValue), \(stored.count) photo(s)")
    }

    func rows(communities: [UUID], language: Language) async throws -> [Row] {
        guard !communities.isEmpty else { return [] }
        return try await rows(SpotCheck.query(on: db).filter(\.$communityID ~~ communities), language: language)
    }

    /// An officer's own spot checks, wherever and whenever made: they stay readable after the grant ended.
    func rows(authoredBy user: UUID, language: Language) async throws -> [Row] {
        try await rows(SpotCheck.query(on: db).filter(\.$checkedBy == user), language: language)
    }

    private func rows(_ query: QueryBuilder<SpotCheck>, language: Language) async throws -> [Row] {
        let checks = try await query.sort(\.$checkedAt, .descending).limit(100).all()
        let gates = try await Checkpoint.query(on: db).filter(\.$id ~~ Set(checks.map(\.checkpointID))).all()
        let gateNames = Dictionary(uniqueKeysWithValues: gates.map { ($0.id!, $0.name) })
        let places = try await Community.query(on: db).filter(\.$id ~~ Set(checks.map(\.communityID))).all()
        let placeNames = Dictionary(uniqueKeysWithValues: places.map { ($0.id!, $0.name) })
        let users = try await User.query(on: db).filter(\.$id ~~ Set(checks.map(\.checkedBy))).all()
        let names = StaffNames.byID(users, services: services)
        return checks.map { c in
            let rating = SpotCheckRating(rawValue: c.rating) ?? .fair
            return Row(id: c.id!, communityName: placeNames[c.communityID] ?? "", checkpointName: gateNames[c.checkpointID] ?? "",
                       checkedAt: ChinaTime.onScreen(c.checkedAt, now: services.clock.now()), checkedBy: names[c.checkedBy] ?? "",
                       rating: rating.rawValue, ratingLabel: rating.label.text(for: language.rawValue), findings: c.findings,
                       photos: Array(c.photoIDs.split(separator: ",").indices))
        }
    }
}
