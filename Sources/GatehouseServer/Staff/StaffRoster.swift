import Fluent
import Foundation
import GatehouseCore

/// The staff roster of a community: volunteers without accounts beside the gate operators, their duty, shifts and
/// training. Names are the office's own staff's, shown in full to the office; phones are sealed and shown masked.
struct StaffRoster {
    struct Row: Encodable {
        let id: UUID
        let name: String
        let phoneMasked: String
        let duty: String
        let trainings: Int
        let lastTrained: String?
        let shifts: [ShiftLine]
    }

    struct ShiftLine: Encodable {
        let day: String
        let hours: String
        let checkpointName: String
    }

    struct Input: Codable {
        var name: String?
        var phone: String?
        var duty: String?
    }

    struct ShiftInput: Codable {
        var memberId: UUID?
        var checkpointId: UUID?
        var day: String?
        var starts: String?
        var ends: String?
    }

    struct Invalid: Error { let messages: [String: LocalizedText] }

    let services: GatehouseServices
    let db: any Database

    /// Everyone on the roster who has not left, with their latest shifts and training.
    func rows(community: UUID) async throws -> [Row] {
        let members = try await RosterMember.query(on: db).filter(\.$communityID == community).filter(\.$leftAt == nil).sort(\.$createdAt).all()
        guard !members.isEmpty else { return [] }
        let ids = Set(members.map { $0.id! })
        let shifts = try await RosterShift.query(on: db).filter(\.$memberID ~~ ids).sort(\.$day, .descending).all()
        let trainings = try await TrainingRecord.query(on: db).filter(\.$memberID ~~ ids.map(Optional.some)).all()
        let gates = try await Checkpoint.query(on: db).filter(\.$community.$id == community).all()
        let gateNames = Dictionary(uniqueKeysWithValues: gates.map { ($0.id!, $0.name) })
        return members.map { m in
            let own = trainings.filter { $0.memberID == m.id }
            return Row(id: m.id!, name: name(of: m), phoneMasked: m.phoneMasked, duty: m.duty, trainings: own.count,
                       lastTrained: own.map(\.trainedOn).max(),
                       shifts: shifts.filter { $0.memberID == m.id }.prefix(5).map {
                           ShiftLine(day: $0.day, hours: "\($0.starts)–\($0.ends)", checkpointName: gateNames[$0.checkpointID] ?? "")
                       })
        }
    }

    func name(of member: RosterMember) -> String {
        (try? services.sealer.open(member.nameSealed, context: "roster.name")) ?? ""
    }

    /// Names of the roster's members (for training records), by id.
    func names(community: UUID) async throws -> [UUID: String] {
        let members = try await RosterMember.query(on: db).filter(\.$communityID == community).all()
        return Dictionary(uniqueKeysWithValues: members.map { ($0.id!, name(of: $0)) })
    }

    func add(_ input: Input, community: UUID, by user: UUID) async throws -> RosterMember {
        var errors: [String: LocalizedText] = [:]
        let name = input.name.flatMap(PersonName.validated)
        if name == nil { errors["name"] = LocalizedText(zh: "请输入姓名（1至40个字，不含数字和符号）", en: "Enter a name (1 to 40 characters, no digits or symbols)") }
        var phone: PhoneNumber?
        if let text = input.phone?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            do throws(PhoneNumberError) { phone = try PhoneNumber(text) } catch { errors["phone"] = error.message }
        }
        let duty = input.duty?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if duty.isEmpty || duty.count > 20 { errors["duty"] = LocalizedText(zh: "请填写岗位（如 测温、登记，20字以内）", en: "Give the duty (e.g. temperature, register; at most 20 characters)") }
        guard errors.isEmpty, let name else { throw Invalid(messages: errors) }
        let m = RosterMember()
        m.communityID = community
        m.nameSealed = services.sealer.seal(name, context: "roster.name")
        m.phoneSealed = phone.map { services.sealer.seal($0.value, context: "roster.phone") }
        m.phoneMasked = phone?.masked ?? ""
        m.duty = duty
        m.createdAt = services.clock.now()
        m.createdBy = user
        try await m.create(on: db)
        return m
    }

    /// A member leaves the roster: no longer listed or chosen; their shifts and training stay on record.
    func leave(_ member: RosterMember) async throws {
        member.leftAt = services.clock.now()
        try await member.save(on: db)
    }

    func addShift(_ input: ShiftInput, community: UUID, by user: UUID) async throws {
        var errors: [String: LocalizedText] = [:]
        let member = try await RosterMember.find(input.memberId, on: db)
        if member == nil || member?.communityID != community || member?.leftAt != nil {
            errors["memberId"] = LocalizedText(zh: "请选择名册中的人员", en: "Choose someone on the roster")
        }
        let gate = try await Checkpoint.find(input.checkpointId, on: db)
        if gate == nil || gate?.$community.id != community { errors["checkpointId"] = LocalizedText(zh: "请选择本社区的卡点", en: "Choose a gate of this community") }
        let today = services.today
        let day = input.day.flatMap(CalendarDate.init(parsing:))
        if day == nil || day! < today.adding(days: -366) || day! > today.adding(days: 60) {
            errors["day"] = LocalizedText(zh: "请选择值班日期", en: "Choose the day of the shift")
        }
        func hour(_ text: String?) -> String? {
            guard let text, text.count == 5, let h = Int(text.prefix(2)), let m = Int(text.suffix(2)), text.dropFirst(2).first == ":",
                  (0...23).contains(h), (0...59).contains(m) else { return nil }
            return text
        }
        let starts = hour(input.starts), ends = hour(input.ends)
        if starts == nil || ends == nil { errors["hours"] = LocalizedText(zh: "请填写上岗和下岗时间（如 08:00 至 14:00）", en: "Give the hours (e.g. 08:00 to 14:00)") }
        guard errors.isEmpty, let member, let gate, let day, let starts, let ends else { throw Invalid(messages: errors) }
        let s = RosterShift()
        s.communityID = community
        s.memberID = member.id!
        s.checkpointID = gate.id!
        s.day = day.description
        s.starts = starts
        s.ends = ends
        s.recordedBy = user
        s.createdAt = services.clock.now()
        try await s.create(on: db)
    }
}
