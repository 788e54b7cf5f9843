import Fluent
import SQLKit
import Foundation
import GatehouseCore
import GatehouseStore

/// What an export covers: a community, optionally one of its gates, and a range of China dates (at most 31 days).
struct PassageExportRange {
    let community: Community
    let checkpoint: Checkpoint?
    let from: CalendarDate
    let to: CalendarDate

    static let maximumDays = 31

    /// Reads `communityId`, `checkpointId`, `from`, `to` (default: today) for `user`; 404 outside their scope.
    static func parse(communityId: String?, checkpointId: String?, from: String?, to: String?, today: CalendarDate,
                      for user: User, on db: any Database) async throws -> PassageExportRange {
        let community = try await AccessScope(user).community(communityId.flatMap(UUID.init(uuidString:)), on: db)
        var gate: Checkpoint?
        if let text = checkpointId, !text.isEmpty {
            guard let id = UUID(uuidString: text), let found = try await Checkpoint.find(id, on: db), found.$community.id == community.id else {
                throw AppError(.unprocessableEntity, "unknown_checkpoint", zh: "卡点不属于该社区", en: "That gate is not in this community")
            }
            gate = found
        }
        func day(_ text: String?) throws -> CalendarDate {
            guard let text, !text.isEmpty else { return today }
            guard let d = CalendarDate(parsing: text) else {
                throw AppError(.unprocessableEntity, "invalid_date", zh: "日期格式应为 2026-11-22", en: "Dates look like 2026-11-22")
            }
            return d
        }
        let start = try day(from), end = try day(to)
        guard start <= end else {
            throw AppError(.unprocessableEntity, "invalid_range", zh: "结束日期不能早于开始日期", en: "The last day cannot be before the first")
        }
        guard start.days(until: end) < maximumDays else {
            throw AppError(.unprocessableEntity, "range_too_long", zh: "一次最多导出31天", en: "At most 31 days at a time")
        }
        return PassageExportRange(community: community, checkpoint: gate, from: start, to: end)
    }

    var title: String {
        let place = community.name + (checkpoint.map { " " + $0.name } ?? "")
        let days = from == to ? from.description : "\(from.description)–\(to.description)"
        return "\(place) \(days)"
    }

    var fileStem: String { "passages-\(from.description)-\(to.description)" }

    /// `checkpoint:<id>` or `community:<id>`, for the audit log.
    var target: String { checkpoint.map { "checkpoint:\($0.id!)" } ?? "community:\(community.id!)" }

    /// The same rows as `query`, as an SQL condition (idx_passages_community_time, or idx_passages_checkpoint_time);
    /// with `after`, only the rows after that time and id (a keyset page: the index range starts at that time, so a
    /// page costs the same at the start and at the end of a day).
    func condition(after: (KeysetTime, UUID)? = nil) -> SQLQueryString {
        var c: SQLQueryString
        // A gate's rows by its own index (the gate was checked to lie in the community).
        if let checkpoint { c = "checkpoint_id = \(bind: checkpoint.id!)" }
        else { c = "community_id = \(bind: community.id!)" }
        if let (time, id) = after {
            c = "\(c) AND \(time.keyset(beyond: id))"
        } else {
            c = "\(c) AND recorded_at >= \(bind: from.start())"
        }
        return "\(c) AND recorded_at < \(bind: to.adding(days: 1).start())"
    }

    func query(on db: any Database) -> QueryBuilder<Passage> {
        var q = Passage.query(on: db).filter(\.$communityID == community.id!)
            .filter(\.$recordedAt >= from.start()).filter(\.$recordedAt < to.adding(days: 1).start())
        if let checkpoint { q = q.filter(\.$checkpoint.$id == checkpoint.id!) }
        return q
    }
}
