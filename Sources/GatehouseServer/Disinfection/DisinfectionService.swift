import Fluent
import Foundation
import GatehouseCore
import GatehouseStore

/// Disinfection schedules per place, the log of what was done, and what is overdue.
struct DisinfectionService {
    let services: GatehouseServices
    let db: any Database

    struct ScheduleInput: Codable {
        var name: String?
        var place: String?
        var checkpointId: String?
        var intervalMinutes: Int?
    }

    struct LogInput: Codable {
        var agent: String?
        var note: String?
    }

    struct Invalid: Error {
        let messages: [String: LocalizedText]
    }

    /// The community's schedules; for an operator, those of their gate and the community-wide ones. Overdue first.
    func schedules(community: UUID, checkpoint: UUID? = nil, language: Language) async throws -> [DisinfectionScheduleView] {
        let schedules = try await rows(community: community, checkpoint: checkpoint)
        let gates = try await Checkpoint.query(on: db).filter(\.$community.$id == community).all()
        let names = Dictionary(uniqueKeysWithValues: gates.map { ($0.id!, $0.name) })
        let now = services.clock.now()
        let rooms = try await ObservationRooms(db: db).states(schedules)
        return schedules.map {
            DisinfectionScheduleView($0, checkpointName: $0.checkpointID.flatMap { names[$0] }, room: $0.id.flatMap { rooms[$0] }, now: now,
                                     language: language)
        }
            .sorted { ($0.overdue ? 0 : 1, $0.name) < ($1.overdue ? 0 : 1, $1.name) }
    }

    func addSchedule(_ input: ScheduleInput, community: UUID, by user: UUID) async throws -> DisinfectionSchedule {
        let s = DisinfectionSchedule()
        s.communityID = community
        s.createdAt = services.clock.now()
        s.createdBy = user
        try await apply(input, to: s, community: community)
        try await s.create(on: db)
        return s
    }

    /// The office changes a schedule's place name, gate or interval (what it disinfects stays: a room stays a room).
    func change(_ s: DisinfectionSchedule, _ input: ScheduleInput) async throws {
        var kept = input
        kept.place = s.place
        try await apply(kept, to: s, community: s.communityID)
        try await s.save(on: db)
    }

    /// Ends a schedule: it leaves the lists and the overdue counts. An observation room with a person inside cannot end.
    func end(_ s: DisinfectionSchedule, by user: UUID) async throws {
        if s.place == DisinfectionPlace.observationRoom.rawValue,
           try await ObservationRooms(db: db).states([s])[s.id!] == .occupied {
            throw Invalid(messages: ["log": LocalizedText(zh: "「\(s.name)」正在留观，不能停止；人员离开并消毒后再停止",
                                                          en: "“\(s.name)” has someone in observation: end it once they have left and it is disinfected")])
        }
        s.endedAt = services.clock.now()
        s.endedBy = user
        try await s.save(on: db)
    }

    private func apply(_ input: ScheduleInput, to s: DisinfectionSchedule, community: UUID) async throws {
        var errors: [String: LocalizedText] = [:]
        let name = input.name?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if name.isEmpty || name.count > 40 { errors["name"] = LocalizedText(zh: "请填写消毒地点（40字以内）", en: "Name the place (at most 40 characters)") }
        let place = input.place.flatMap(DisinfectionPlace.init(rawValue:))
        if place == nil { errors["place"] = LocalizedText(zh: "请选择消毒对象", en: "Choose what is disinfected") }
        let interval = input.intervalMinutes ?? 0
        if !(10...10_080).contains(interval) {
            errors["intervalMinutes"] = LocalizedText(zh: "间隔应为10分钟至7天（10080分钟）", en: "From 10 minutes to 7 days (10080 minutes)")
        }
        var checkpoint: UUID?
        if let text = input.checkpointId, !text.isEmpty {
            guard let id = UUID(uuidString: text), let gate = try await Checkpoint.find(id, on: db), gate.$community.id == community else {
                throw Invalid(messages: ["checkpointId": LocalizedText(zh: "卡点无效", en: "Unknown gate")])
            }
            checkpoint = gate.id
        }
        guard errors.isEmpty, let place else { throw Invalid(messages: errors) }
        s.checkpointID = checkpoint
        s.name = name
        s.place = place.rawValue
        s.intervalMinutes = interval
    }

    /// Records a disinfection done now (optionally with a photo) and moves the schedule's next due time.
    func log(_ schedule: DisinfectionSchedule, _ input: LogInput, photo: Data?, by user: UUID) async throws {
        var errors: [String: LocalizedText] = [:]
        let agent = input.agent?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if agent.isEmpty || agent.count > 40 {
            errors["agent"] = LocalizedText(zh: "请填写消毒剂（如 84消毒液 1:100）", en: "Name the disinfectant (e.g. chlorine 1:100)")
        }
        let note = input.note?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let note, note.count > 100 { errors["note"] = LocalizedText(zh: "说明最多100字", en: "At most 100 characters") }
        guard errors.isEmpty else { throw Invalid(messages: errors) }
        let stored = try photo.flatMap { $0.isEmpty ? nil : $0 }.map {
            try PhotoStore(services: services, db: db).photo($0, community: schedule.communityID, by: user)
        }
        let now = services.clock.now()
        try await db.writeTransaction { tx in
            if schedule.place == DisinfectionPlace.observationRoom.rawValue,
               let refusal = try await ObservationRooms.lockedState(of: schedule, excluding: nil, on: tx).disinfectionRefusal {
                throw Invalid(messages: ["log": refusal.message])
            }
            if let stored { try await stored.create(on: tx) }
            try await Self.record(schedule, agent: agent, note: note?.isEmpty == true ? nil : note, photo: stored?.id, at: now, by: user, on: tx)
        }
    }

    /// Stores one disinfection of `schedule` and moves its next due time (inside the caller's transaction).
    static func record(_ schedule: DisinfectionSchedule, agent: String, note: String?, photo: UUID?, at now: Date, by user: UUID,
                       on tx: any Database) async throws {
        let entry = DisinfectionLog()
        entry.scheduleID = schedule.id!
        entry.communityID = schedule.communityID
        entry.agent = agent
        entry.note = note
        entry.photoID = photo
        entry.doneAt = now
        entry.doneBy = user
        try await entry.create(on: tx)
        schedule.lastDoneAt = now
        try await schedule.save(on: tx)
    }

    /// How many of the community's (or a gate's) schedules are overdue now (an observation room with someone inside
    /// is not: it cannot be disinfected until they leave).
    func overdueCount(community: UUID, checkpoint: UUID? = nil) async throws -> Int {
        let now = services.clock.now()
        let schedules = try await rows(community: community, checkpoint: checkpoint)
        let rooms = try await ObservationRooms(db: db).states(schedules)
        return schedules.filter {
            $0.id.flatMap { rooms[$0] } != .occupied
                && DisinfectionDue(intervalMinutes: $0.intervalMinutes, createdAt: $0.createdAt, lastDone: $0.lastDoneAt, lastUsed: $0.lastUsedAt,
                                   now: now).isOverdue
        }.count
    }

    private func rows(community: UUID, checkpoint: UUID?) async throws -> [DisinfectionSchedule] {
        var query = DisinfectionSchedule.query(on: db).filter(\.$communityID == community).filter(\.$endedAt == nil)
        if let checkpoint { query = query.group(.or) { $0.filter(\.$checkpointID == checkpoint).filter(\.$checkpointID == nil) } }
        return try await query.sort(\.$name).all()
    }

    /// The latest entries, newest first, with who did them.
    func history(community: UUID, limit: Int = 50) async throws -> [(log: DisinfectionLog, schedule: String, by: String)] {
        let logs = try await DisinfectionLog.query(on: db).filter(\.$communityID == community).sort(\.$doneAt, .descending).limit(limit).all()
        let schedules = try await DisinfectionSchedule.query(on: db).filter(\.$communityID == community).all()
        let names = Dictionary(uniqueKeysWithValues: schedules.map { ($0.id!, $0.name) })
        let users = try await User.query(on: db).filter(\.$id ~~ Set(logs.map(\.doneBy))).all()
        let usernames = StaffNames.byID(users, services: services)
        return logs.map { ($0, names[$0.scheduleID] ?? "", usernames[$0.doneBy] ?? "") }
    }
}
