import Fluent
import Foundation
import GatehouseCore
import GatehouseStore

/// The community's register of facilities: adds them, opens and closes them; every change is kept with who, when
/// and why.
struct FacilityRegister {
    let services: GatehouseServices
    let db: any Database

    struct Input: Codable {
        var name: String?
        var kind: String?
        var status: String?
        var note: String?
    }

    func list(community: UUID, onlyClosed: Bool = false, language: Language) async throws -> [FacilityView] {
        var query = Facility.query(on: db).filter(\.$communityID == community)
        if onlyClosed { query = query.filter(\.$status == FacilityStatus.closed.rawValue) }
        let facilities = try await query.sort(\.$name).all()
        let users = try await User.query(on: db).filter(\.$id ~~ Set(facilities.map(\.changedBy))).all()
        let names = StaffNames.byID(users, services: services)
        let now = services.clock.now()
        return facilities.map { FacilityView($0, changedBy: names[$0.changedBy] ?? "", now: now, language: language) }
    }

    /// Adds a facility; messages per field when the input does not do.
    func add(_ input: Input, community: UUID, by user: UUID) async throws -> Facility {
        var errors: [String: LocalizedText] = [:]
        let name = input.name?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if name.isEmpty || name.count > 40 { errors["name"] = LocalizedText(zh: "请填写场所名称（40字以内）", en: "Name the place (at most 40 characters)") }
        let kind = input.kind.flatMap(FacilityKind.init(rawValue:))
        if kind == nil { errors["kind"] = LocalizedText(zh: "请选择场所类型", en: "Choose the kind of place") }
        let status = input.status.flatMap(FacilityStatus.init(rawValue:)) ?? .closed
        let note = try Self.note(input.note)
        if errors.isEmpty, try await Facility.query(on: db).filter(\.$communityID == community).filter(\.$name == name).count() > 0 {
            errors["name"] = LocalizedText(zh: "已有同名场所", en: "A place of that name exists")
        }
        guard errors.isEmpty, let kind else { throw FacilityRegister.Invalid(messages: errors) }
        let now = services.clock.now()
        let f = Facility()
        f.id = UUID()
        f.communityID = community
        f.name = name
        f.kind = kind.rawValue
        f.status = status.rawValue
        f.statusSince = now
        f.changedBy = user
        f.note = note
        f.createdAt = now
        try await db.writeTransaction { tx in
            try await f.create(on: tx)
            try await Self.log(f, on: tx)
        }
        return f
    }

    /// Opens or closes a facility.
    func change(_ f: Facility, to status: FacilityStatus, note: String?, by user: UUID) async throws {
        guard f.status != status.rawValue else {
            throw AppError(.conflict, "status_unchanged", zh: "该场所已是此状态", en: "The place already has this status")
        }
        f.status = status.rawValue
        f.statusSince = services.clock.now()
        f.changedBy = user
        f.note = try Self.note(note)
        try await db.writeTransaction { tx in
            try await f.save(on: tx)
            try await Self.log(f, on: tx)
        }
    }

    /// The last changes of a community's facilities, newest first.
    func history(community: UUID, limit: Int = 50) async throws -> [(facility: String, change: FacilityChange)] {
        let facilities = try await Facility.query(on: db).filter(\.$communityID == community).all()
        let names = Dictionary(uniqueKeysWithValues: facilities.map { ($0.id!, $0.name) })
        let changes = try await FacilityChange.query(on: db).filter(\.$facilityID ~~ Set(names.keys)).sort(\.$changedAt, .descending)
            .limit(limit).all()
        return changes.map { (names[$0.facilityID] ?? "", $0) }
    }

    private static func note(_ text: String?) throws -> String? {
        guard let t = text?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
        guard t.count <= 100 else { throw AppError(.unprocessableEntity, "note_too_long", zh: "说明最多100字", en: "At most 100 characters") }
        return t
    }

    private static func log(_ f: Facility, on db: any Database) async throws {
        let c = FacilityChange()
        c.facilityID = f.id!
        c.status = f.status
        c.changedAt = f.statusSince
        c.changedBy = f.changedBy
        c.note = f.note
        try await c.create(on: db)
    }

    struct Invalid: Error {
        let messages: [String: LocalizedText]
    }
}
