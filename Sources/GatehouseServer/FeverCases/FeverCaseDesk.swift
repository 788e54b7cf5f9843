import Fluent
import Foundation
import GatehouseCore
import GatehouseStore
import Vapor

/// Fever cases after the gate: the lists (late steps first), one case with its history, and taking the next step —
/// checked by the core, stored with who and when, and told to everyone watching.
struct FeverCaseDesk {
    struct Event: Content {
        let stage: String
        let label: String
        let at: String
        /// The staff member's name (谁登记); the login only as `byLogin`, for a tooltip.
        let by: String
        let byLogin: String
        let byRole: String
        let details: String?
        let note: String?
    }

    struct Detail: Content {
        let fever: FeverCaseRow
        /// The gate's passage, or nil for a case opened from a returnee's check-in.
        let passageId: UUID?
        let events: [Event]
        /// The steps this user may take now.
        let next: [SelectOption]
        let rooms: [SelectOption]
        let releaseReasons: [SelectOption]
        /// The person's household, when known: what was decided for it at the transfer, or the prefilled order.
        let household: Household?

        struct Household: Content {
            let decision: String?
            let text: String?
            let endsOn: String
            let reason: String
            let orderedBy: String
        }
    }

    let services: GatehouseServices
    let db: any Database
    let language: Language

    private var lang: String { language.rawValue }

    /// Cases of the communities in `scope`: open ones (late first, then by stage) or the latest closed ones.
    func rows(in scope: AccessScope, open: Bool = true, limit: Int = 200) async throws -> [FeverCaseRow] {
        try await rows(of: try await scope.communities(on: db), open: open, limit: limit)
    }

    /// Cases of `communities`, as `rows(in:)`.
    func rows(of communities: [Community], open: Bool = true, limit: Int = 200) async throws -> [FeverCaseRow] {
        guard !communities.isEmpty else { return [] }
        var query = FeverCase.query(on: db).filter(\.$communityID ~~ Set(communities.map { $0.id! }))
        query = open ? query.filter(\.$status != FeverCaseStage.closed.rawValue).sort(\.$openedAt)
                     : query.filter(\.$status == FeverCaseStage.closed.rawValue).sort(\.$closedAt, .descending)
        let cases = try await query.limit(limit).all()
        let names = Dictionary(uniqueKeysWithValues: communities.map { ($0.id!, $0.name) })
        return try await rows(cases, communityNames: names).sorted {
            ($0.late ? 0 : 1, $0.needsDecision ? 0 : 1) < ($1.late ? 0 : 1, $1.needsDecision ? 0 : 1)
        }
    }

    private func rows(_ cases: [FeverCase], communityNames: [UUID: String]) async throws -> [FeverCaseRow] {
        guard !cases.isEmpty else { return [] }
        let passageIDs = Set(cases.compactMap(\.passageID))
        let passages = passageIDs.isEmpty ? [] : try await Passage.query(on: db).filter(\.$id ~~ passageIDs).all()
        let byPassage = Dictionary(uniqueKeysWithValues: passages.map { ($0.id!, $0.nameMasked) })
        let returnees = try await ReturneeNames(db: db).byCheckIn(Set(cases.compactMap(\.checkInID)))
        let gateIDs = Set(cases.compactMap(\.checkpointID))
        let gates = gateIDs.isEmpty ? [] : try await Checkpoint.query(on: db).filter(\.$id ~~ gateIDs).all()
        let gateNames = Dictionary(uniqueKeysWithValues: gates.map { ($0.id!, $0.name) })
        let fromCheckIn = LocalizedText(zh: "返乡人员健康监测", en: "Returnee health check").text(for: lang)
        let roomIDs = Set(cases.compactMap(\.roomScheduleID))
        let rooms = roomIDs.isEmpty ? [] : try await DisinfectionSchedule.query(on: db).filter(\.$id ~~ roomIDs).all()
        let roomNames = Dictionary(uniqueKeysWithValues: rooms.map { ($0.id!, $0.name) })
        let now = services.clock.now()
        return cases.map { c in
            let stage = FeverCaseStage(rawValue: c.status) ?? .confirmed
            let since = c.stageSince ?? c.openedAt
            let wait = FeverCaseWait(stage: stage, since: since, now: now)
            return FeverCaseRow(id: c.id!, communityId: c.communityID, communityName: communityNames[c.communityID] ?? "",
                                checkpointName: c.checkInID != nil ? fromCheckIn : c.checkpointID.flatMap { gateNames[$0] } ?? "",
                                nameMasked: c.passageID.flatMap { byPassage[$0] } ?? c.checkInID.flatMap { returnees[$0] } ?? "—",
                                temperature: BodyTemperature.text(tenths: c.temperatureTenths), stage: stage.rawValue,
                                stageLabel: stage.label.text(for: lang), openedAt: ChinaTime.onScreen(c.openedAt, now: services.clock.now()),
                                since: ChinaTime.onScreen(since, now: services.clock.now()), waitMinutes: wait.minutes, late: wait.isLate, lateMinutes: wait.minutesLate,
                                room: c.roomScheduleID.flatMap { roomNames[$0] }, needsDecision: stage == .reported,
                                closed: stage == .closed)
        }
    }

    /// One case with its whole history and what `user` may do next.
    func detail(_ c: FeverCase, community: Community, for user: User) async throws -> Detail {
        let row = try await rows([c], communityNames: [community.id!: community.name])[0]
        let events = Self.inOrder(try await FeverCaseEvent.query(on: db).filter(\.$caseID == c.id!).all())
        let users = try await User.query(on: db).filter(\.$id ~~ Set(events.map(\.by))).all()
        let byID = Dictionary(uniqueKeysWithValues: users.map { ($0.id!, $0) })
        // A case opened from a check-in: its first step says the symptoms reported then.
        let checkIn = try await ReturneeCheckIn.find(c.checkInID, on: db)
        let symptoms = checkIn.map { $0.symptoms.split(separator: ",").compactMap { Symptom(rawValue: String($0))?.label.text(for: lang) } } ?? []
        let history = events.map { e -> Event in
            let stage = FeverCaseStage(rawValue: e.stage)
            let actor = byID[e.by]
            var said = details(e)
            if stage == .measured, !symptoms.isEmpty { said = [said, symptoms.joined(separator: "、")].compactMap { $0 }.joined(separator: " · ") }
            return Event(stage: e.stage, label: stage?.label.text(for: lang) ?? e.stage,
                         at: ChinaTime.onScreen(e.at, now: services.clock.now(), seconds: true), by: actor.map { StaffNames.name(of: $0, services: services) } ?? "", byLogin: actor?.username ?? "",
                         byRole: actor.map { $0.roleValue.label.text(for: lang) } ?? "", details: said, note: e.note)
        }
        let stage = FeverCaseStage(rawValue: c.status) ?? .confirmed
        let next = stage.next.filter { FeverCaseAccess.may(user.roleValue, take: $0) }
            .map { SelectOption(value: $0.rawValue, label: $0.label.text(for: lang)) }
        let schedules = try await DisinfectionSchedule.query(on: db).filter(\.$communityID == c.communityID).filter(\.$endedAt == nil)
            .filter(\.$place == DisinfectionPlace.observationRoom.rawValue).sort(\.$name).all()
        let states = try await ObservationRooms(db: db).states(schedules)
        // Each room says whether it can take the person (使用中 / 待消毒 / 可用); the step refuses one that cannot.
        let rooms = schedules.map { room in
            SelectOption(value: room.id!.uuidString, label: room.name + " · " + (states[room.id!] ?? .available).label.text(for: lang))
        }
        let reasons = FeverCaseStep.ReleaseReason.allCases.map { SelectOption(value: $0.rawValue, label: $0.label.text(for: lang)) }
        var household: Detail.Household?
        if c.householdID != nil {
            let decision = c.householdDecision.flatMap(HouseholdDecision.init(rawValue:))
            let order = try await QuarantineOrder.find(c.quarantineOrderID, on: db)
            // Prefilled as the Inner Mongolia notice's home medical observation: 14 days from today.
            household = Detail.Household(
                decision: decision?.rawValue, text: decision?.text(order: order, language: language),
                endsOn: services.today.adding(days: community.quarantineMinimumDays - 1).description,
                reason: LocalizedText(zh: "家庭成员发热转运就医", en: "A member was taken to hospital with a fever").text(for: lang),
                orderedBy: StaffNames.name(of: user, services: services))
        }
        return Detail(fever: row, passageId: c.passageID, events: history, next: next, rooms: rooms, releaseReasons: reasons,
                      household: household)
    }

    /// A case's steps in the order they were taken (steps in the same second follow the workflow's order).
    static func inOrder(_ events: [FeverCaseEvent]) -> [FeverCaseEvent] {
        let rank = Dictionary(uniqueKeysWithValues: FeverCaseStage.allCases.enumerated().map { ($1.rawValue, $0) })
        return events.sorted { ($0.at, rank[$0.stage] ?? 0) < ($1.at, rank[$1.stage] ?? 0) }
    }

    private func details(_ e: FeverCaseEvent) -> String? {
        var parts: [String] = []
        if let t = e.temperatureTenths { parts.append(String(format: "%.1f℃", Double(t) / 10)) }
        if let r = e.releaseReason.flatMap(FeverCaseStep.ReleaseReason.init(rawValue:)) { parts.append(r.label.text(for: lang)) }
        if let s = e.subject { parts.append(s) }
        if let s = e.escort { parts.append(s) }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    /// Takes the next step: checked by the core, refused when someone else took a step first.
    func advance(_ c: FeverCase, _ input: FeverCaseStepInput, by user: User) async throws -> FeverCaseNotices.Step {
        let current = FeverCaseStage(rawValue: c.status) ?? .confirmed
        guard let target = input.stage.flatMap(FeverCaseStage.init(rawValue:)) else {
            throw AppError(.unprocessableEntity, "invalid_stage", zh: "请选择下一步", en: "Choose the next step")
        }
        guard FeverCaseAccess.may(user.roleValue, take: target) else {
            throw AppError(.forbidden, "decision_for_health", zh: "转运或解除由卫健部门（或社区按医生意见）决定",
                           en: "Transfer or release is decided by the health department (or recorded by the community on a doctor's word)")
        }
        let community = try await Community.find(c.communityID, on: db)
        let threshold = community.map { GateService.feverRule(of: $0).threshold.tenths } ?? FeverRule.standard.threshold.tenths
        var room: DisinfectionSchedule?
        var subject = input.subject
        if target == .inObservation {
            room = try await observationRoom(input, community: c.communityID, by: try user.requireID())
            subject = room?.name ?? input.roomName
        }
        let step: FeverCaseStep
        do {
            step = try FeverCaseStep(from: current, to: target, subject: subject, escort: input.escort, releaseReason: input.releaseReason,
                                     temperature: input.temperature.flatMap { try? BodyTemperature(celsius: $0) },
                                     thresholdTenths: threshold, note: input.note)
        } catch {
            throw AppError(error == .notNext(from: current) ? .conflict : .unprocessableEntity, error.code, error.message)
        }
        // The transfer decides the household's home quarantine too (the order is made first: it stands whatever happens
        // to the step, as the health worker decided it).
        var household: (decision: HouseholdDecision, order: QuarantineOrder?)?
        if target == .transferred, let id = c.householdID, let found = try await Household.find(id, on: db) {
            household = try await householdDecision(found, input, by: user)
        }
        let now = services.clock.now()
        let userID = try user.requireID()
        let chosenRoom = room
        let decided = household.map { ($0.decision.rawValue, $0.order?.id) }
        do {
            try await db.writeTransaction { tx in
                // One person at a time in a room, disinfected between two.
                if let chosenRoom, chosenRoom.id != nil,
                   let refusal = try await ObservationRooms.lockedState(of: chosenRoom, excluding: c.id, on: tx).admissionRefusal {
                    throw AppError(.conflict, refusal.code, refusal.message)
                }
                if let chosenRoom, chosenRoom.id == nil { try await chosenRoom.create(on: tx) }
                let e = FeverCaseEvent()
                e.caseID = c.id!
                e.communityID = c.communityID
                e.stage = step.stage.rawValue
                e.at = now
                e.by = userID
                e.subject = step.subject
                e.escort = step.escort
                e.releaseReason = step.releaseReason?.rawValue
                e.temperatureTenths = step.temperatureTenths
                e.note = step.note
                try await e.create(on: tx)
                c.status = step.stage.rawValue
                c.stageSince = now
                if let chosenRoom { c.roomScheduleID = chosenRoom.id }
                if let decided {
                    c.householdDecision = decided.0
                    c.quarantineOrderID = decided.1
                }
                if step.stage == .closed { c.closedAt = now }
                try await c.save(on: tx)
                if let id = c.roomScheduleID, let used = try await DisinfectionSchedule.find(id, on: tx) {
                    switch step.stage {
                    case .transferred, .released:
                        // The person left the room: it is due for disinfection at once.
                        used.lastUsedAt = now
                        try await used.save(on: tx)
                    case .disinfected:
                        if let refusal = try await ObservationRooms.lockedState(of: used, excluding: c.id, on: tx).disinfectionRefusal {
                            throw AppError(.conflict, refusal.code, refusal.message)
                        }
                        try await DisinfectionService.record(used, agent: step.subject ?? "", note: step.note, photo: nil, at: now,
                                                             by: userID, on: tx)
                    default: break
                    }
                }
            }
        } catch let error as AppError {
            throw error
        } catch {
            // The (case, stage) pair is unique: someone took this step a moment ago.
            if try await FeverCaseEvent.query(on: db).filter(\.$caseID == c.id!).filter(\.$stage == target.rawValue).count() > 0 {
                throw AppError(.conflict, FeverCaseStepError.notNext(from: target).code, FeverCaseStepError.notNext(from: target).message)
            }
            throw error
        }
        let passage = try await Passage.find(c.passageID, on: db)
        let returnee = try await ReturneeNames(db: db).byCheckIn(Set([c.checkInID].compactMap { $0 }))
        return FeverCaseNotices.Step(feverCaseId: c.id!, stage: step.stage.rawValue, stageLabel: step.stage.label.text(for: lang),
                                     nameMasked: passage?.nameMasked ?? c.checkInID.flatMap { returnee[$0] } ?? "—", communityName: community?.name ?? "",
                                     by: StaffNames.name(of: user, services: services))
    }

    /// Home quarantine for the household of a person transferred: ordered from the prefilled fields, already under an
    /// order, or not needed — as the health worker chose.
    private func householdDecision(_ household: Household, _ input: FeverCaseStepInput,
                                   by user: User) async throws -> (decision: HouseholdDecision, order: QuarantineOrder?) {
        guard try HouseholdDecision.chosen(input.householdQuarantine) else { return (.declined, nil) }
        let orders = QuarantineOrders(services: services, db: db)
        if let open = try await orders.open(household: household.requireID()) { return (.alreadyOrdered, open) }
        let order = try await orders.order(household, QuarantineOrderInput(
            startsOn: services.today.description, endsOn: input.quarantineEndsOn, reason: input.quarantineReason,
            orderedBy: input.quarantineOrderedBy, confirmShort: input.quarantineConfirmShort == "1"), by: try user.requireID())
        return (.ordered, order)
    }

    /// The room chosen from the community's observation rooms, or a new one (not yet stored) by that name.
    private func observationRoom(_ input: FeverCaseStepInput, community: UUID, by user: UUID) async throws -> DisinfectionSchedule? {
        if let id = input.roomId {
            guard let room = try await DisinfectionSchedule.find(id, on: db), room.communityID == community, room.endedAt == nil,
                  room.place == DisinfectionPlace.observationRoom.rawValue else {
                throw AppError(.unprocessableEntity, "unknown_room", zh: "留观室无效", en: "Unknown observation room")
            }
            return room
        }
        guard let name = input.roomName?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty else { return nil }
        guard name.count <= 40 else { throw AppError(.unprocessableEntity, "text_too_long", zh: "留观室名称最多40字", en: "At most 40 characters") }
        if let existing = try await DisinfectionSchedule.query(on: db).filter(\.$communityID == community).filter(\.$endedAt == nil)
            .filter(\.$place == DisinfectionPlace.observationRoom.rawValue).filter(\.$name == name).first() {
            return existing
        }
        let room = DisinfectionSchedule()
        room.communityID = community
        room.name = name
        room.place = DisinfectionPlace.observationRoom.rawValue
        room.intervalMinutes = 1440
        room.createdAt = services.clock.now()
        room.createdBy = user
        return room
    }
}
