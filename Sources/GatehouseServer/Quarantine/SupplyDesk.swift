import Fluent
import Foundation
import GatehouseCore
import GatehouseStore

/// Supplies for households under home quarantine: their requests, the delivery tasks, the contactless hand-over.
struct SupplyDesk {
    struct Task: Encodable {
        let id: UUID
        let householdLabel: String
        let items: String
        let urgent: Bool
        let requestedAt: String
        let delivered: Bool
        let deliveredAt: String?
        let deliveredBy: String?
        let note: String?
        let hasPhoto: Bool
    }

    let services: GatehouseServices
    let db: any Database

    /// A member of a quarantined household asks for supplies.
    func request(household: Household, items: String?, urgent: Bool, by user: UUID) async throws {
        guard household.homeQuarantine else {
            throw AppError(.conflict, "not_quarantined", zh: "只有居家隔离的住户可申请配送", en: "Only households under home quarantine can ask for deliveries")
        }
        let text = items?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !text.isEmpty, text.count <= 200 else {
            throw AppError(.unprocessableEntity, "items_required", zh: "请写明需要的物品（200字以内）", en: "List what you need (at most 200 characters)")
        }
        let r = SupplyRequest()
        r.communityID = household.communityID
        r.householdID = household.id!
        r.items = text
        r.urgent = urgent
        r.requestedAt = services.clock.now()
        r.requestedBy = user
        try await r.create(on: db)
    }

    /// Logs the contactless hand-over (optional photo of the goods at the door).
    func deliver(_ r: SupplyRequest, note: String?, photo: Data?, by user: UUID) async throws {
        guard r.deliveredAt == nil else { throw AppError(.conflict, "already_delivered", zh: "已登记送达", en: "Already delivered") }
        let text = note?.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (text?.count ?? 0) <= 100 else { throw AppError(.unprocessableEntity, "note_too_long", zh: "说明最多100字", en: "At most 100 characters") }
        let stored = try photo.flatMap { $0.isEmpty ? nil : $0 }.map { try PhotoStore(services: services, db: db).photo($0, community: r.communityID, by: user) }
        try await db.writeTransaction { tx in
            if let stored { try await stored.create(on: tx) }
            r.deliveredAt = services.clock.now()
            r.deliveredBy = user
            r.handoverNote = text?.isEmpty == true ? nil : text
            r.photoID = stored?.id
            try await r.save(on: tx)
        }
    }

    /// Open tasks (urgent first, oldest first), then the last delivered ones.
    func tasks(community: UUID? = nil, household: UUID? = nil) async throws -> [Task] {
        var query = SupplyRequest.query(on: db)
        if let community { query = query.filter(\.$communityID == community) }
        if let household { query = query.filter(\.$householdID == household) }
        let all = try await query.sort(\.$requestedAt, .descending).limit(300).all()
        let households = try await Household.query(on: db).filter(\.$id ~~ Set(all.map(\.householdID))).all()
        let labels = Dictionary(uniqueKeysWithValues: households.map { ($0.id!, $0.label) })
        let users = try await User.query(on: db).filter(\.$id ~~ Set(all.compactMap(\.deliveredBy))).all()
        let names = StaffNames.byID(users, services: services)
        let open = all.filter { $0.deliveredAt == nil }.sorted { ($0.urgent ? 0 : 1, $0.requestedAt) < ($1.urgent ? 0 : 1, $1.requestedAt) }
        let done = all.filter { $0.deliveredAt != nil }.prefix(50)
        return (open + done).map { r in
            Task(id: r.id!, householdLabel: labels[r.householdID] ?? "", items: r.items, urgent: r.urgent,
                 requestedAt: ChinaTime.onScreen(r.requestedAt, now: services.clock.now()), delivered: r.deliveredAt != nil,
                 deliveredAt: r.deliveredAt.map { ChinaTime.onScreen($0, now: services.clock.now()) }, deliveredBy: r.deliveredBy.flatMap { names[$0] },
                 note: r.handoverNote, hasPhoto: r.photoID != nil)
        }
    }
}
