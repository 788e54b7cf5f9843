import Fluent
import Foundation
import GatehouseCore
import Vapor

/// Lists passages in the caller's scope, newest first, with filters and an opaque keyset cursor.
struct PassageQuery {
    struct Filters: Content {
        var checkpointId: UUID?
        /// ISO 8601 instants, e.g. `2026-11-22T00:00:00Z` or `2026-11-22T08:00:00+08:00`.
        var from: String?
        var to: String?
        var status: String?
        var direction: String?
        var cursor: String?
        var limit: Int?
    }

    struct Page: Content {
        let items: [PassageView]
        let nextCursor: String?
    }

    let db: any Database
    let language: Language

    func page(_ f: Filters, for user: User) async throws -> Page {
        let communities = try await AccessScope(user).communities(on: db)
        let rules = Dictionary(uniqueKeysWithValues: communities.map { ($0.id!, GateService.feverRule(of: $0).restSeconds) })
        guard !communities.isEmpty else { return Page(items: [], nextCursor: nil) }
        let limit = min(max(f.limit ?? 50, 1), 200)
        let query = Passage.query(on: db).filter(\.$communityID ~~ communities.compactMap(\.id))
        if user.roleValue == .operator, let own = user.checkpointID {
            query.filter(\.$checkpoint.$id == (f.checkpointId ?? own))
        } else if let gate = f.checkpointId {
            query.filter(\.$checkpoint.$id == gate)
        }
        if let text = f.from {
            guard let from = Self.instant(text) else { throw Self.bad("from", "2026-11-22T00:00:00Z") }
            query.filter(\.$recordedAt >= from)
        }
        if let text = f.to {
            guard let to = Self.instant(text) else { throw Self.bad("to", "2026-11-22T00:00:00Z") }
            query.filter(\.$recordedAt < to)
        }
        if let status = f.status {
            guard ["normal", "abnormal"].contains(status) else { throw Self.bad("status", "normal, abnormal") }
            query.filter(\.$status == status)
        }
        if let direction = f.direction {
            guard Direction(rawValue: direction) != nil else { throw Self.bad("direction", "in, out") }
            query.filter(\.$direction == direction)
        }
        if let text = f.cursor {
            guard let (at, id) = Self.decodeCursor(text) else { throw Self.bad("cursor", "a nextCursor value") }
            query.group(.or) { or in
                or.filter(\.$recordedAt < at)
                or.group(.and) { and in and.filter(\.$recordedAt == at).filter(\.$id < id) }
            }
        }
        let rows = try await query.sort(\.$recordedAt, .descending).sort(\.$id, .descending).limit(limit + 1).all()
        let items = rows.prefix(limit).map { PassageView($0, restSeconds: rules[$0.communityID] ?? 300, language: language) }
        let next = rows.count > limit ? rows[limit - 1] : nil
        return Page(items: Array(items), nextCursor: next.map { Self.encodeCursor($0.recordedAt, $0.id!) })
    }

    static func bad(_ field: String, _ allowed: String) -> AppError {
        AppError(.unprocessableEntity, "invalid_filter", zh: "筛选条件\(field)无效（可用：\(allowed)）", en: "Invalid \(field) filter (use \(allowed))")
    }

    static func instant(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        if let d = plain.date(from: text) { return d }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }

    static func encodeCursor(_ at: Date, _ id: UUID) -> String {
        String(at.timeIntervalSince1970.bitPattern, radix: 16) + "_" + id.uuidString
    }

    static func decodeCursor(_ text: String) -> (Date, UUID)? {
        let parts = text.split(separator: "_")
        guard parts.count == 2, let bits = UInt64(parts[0], radix: 16), let id = UUID(uuidString: String(parts[1])) else { return nil }
        return (Date(timeIntervalSince1970: Double(bitPattern: bits)), id)
    }
}
