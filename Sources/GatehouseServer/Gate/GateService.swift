import Fluent
import Foundation
import GatehouseCore
import SQLKit
import Vapor

/// Records passages: validates everything, identifies the person, applies the entry policy, stores the
/// passage (and a fever case) in one transaction, then tells the live screens.
struct GateService {
    let services: GatehouseServices
    let db: any Database
    let live: any LiveUpdates
    let language: Language

    private var lang: String { language.rawValue }

    static func invalid(_ code: String, _ message: LocalizedText) -> AppError {
        AppError(.unprocessableEntity, code, message)
    }

    /// Records a passage, or returns the one already recorded for the same `clientRequestId`.
    func record(_ input: PassageInput, by user: User) async throws -> (view: PassageView, created: Bool) {
        if PassPassageRecorder.handles(input, by: user) { return try await PassPassageRecorder(gate: self).record(input, by: user) }
        return try await recordAnyWay(input, by: user)
    }

    /// Records a passage however the person was identified (the hot path hands over anything it does not take).
    func recordAnyWay(_ input: PassageInput, by user: User) async throws -> (view: PassageView, created: Bool) {
        let (gate, community) = try await GateAccess.checkpoint(input.checkpointId, for: user, on: db)
        let rule = Self.feverRule(of: community)
        if let existing = try await existing(input.clientRequestId, user: user) {
            return (PassageView(existing.values, restSeconds: rule.restSeconds, quota: community.outingQuota, language: language), false)
        }
        guard gate.isOpen else { throw GateAccess.closed }
        guard let direction = Direction(rawValue: input.direction) else {
            throw Self.invalid("invalid_direction", LocalizedText(zh: "请选择进或出", en: "Choose in or out"))
        }
        let now = services.clock.now()
        let reading = try Self.reading(input.temperature, rule: rule)
        // A passage taken offline is judged at the moment it was taken (its re-measure's, when it has one).
        let offline = try OfflineTaking.of(input, rule: rule, now: now)
        let takenAt = offline?.at ?? now
        let decidedAt = offline?.decidedAt ?? now
        let identity = try await identify(input, checkpoint: gate)

        let userID = try user.requireID()
        let passageID = UUID()
        var stored: Passage?
        var feverCase: FeverCase?
        var delivery: Delivery?
        // A second try only when the first broke a unique rule because another gate wrote the same new person at the
        // same moment (PostgreSQL; SQLite has one writer): the person then exists, and the second try finds them.
        for attempt in 1...2 where stored == nil {
            do {
                (stored, feverCase, delivery) = try await services.groupCommit.write(on: db) { tx in
                    let people = PersonDirectory(services: services, db: tx, communityID: community.id!, actor: userID)
                    var person: Person?
                    var household: Household?
                    var resolution: PassResolution?
                    var registration: RegistrationAtGate?
                    switch identity {
                    case .idNumber(let id, let name, let phone, let card, _):
                        person = try await people.upsert(idNumber: id, name: name, phone: phone, card: card)
                    case .noDocument(let name, let phone):
                        person = try await people.upsertWithoutDocument(name: name, phone: phone)
                    case .pass(let scanned):
                        resolution = scanned
                        person = scanned.person
                        household = scanned.household
                    case .registration(let scanned):
                        registration = scanned
                        // A visitor's or courier's passage is not the household's: its quota and quarantine are for members.
                        household = scanned.member != nil ? scanned.household : nil
                        person = try await people.upsert(registrationOf: scanned.opened)
                    }
                    // A first high reading waits for its re-measure: no new passage for the person meanwhile. (Offline,
                    // the gate kept its own re-measures; what it took stands.)
                    if offline == nil, let pending = try await PendingRemeasure.find(community: community.id!, personID: person?.id,
                                                                     passID: resolution?.pass?.id, restSeconds: rule.restSeconds,
                                                                     on: tx as! any SQLDatabase) {
                        throw pending.refusal(now: now)
                    }
                    var proposed = false
                    if let person {
                        // Only the office registers (登记备案); an operator's tick proposes it for the office to check.
                        let registersDirectly = user.roleValue == .communityAdmin || user.roleValue == .districtAdmin
                        if input.registerAsResident == true, !person.isRegistered, registersDirectly {
                            person.isRegistered = true
                            person.registeredAt = now
                            person.registeredBy = userID
                        }
                        person.lastSeenAt = max(person.lastSeenAt ?? takenAt, takenAt)
                        try await person.save(on: tx)
                        if household == nil { household = try await HouseholdDirectory(db: tx).household(of: person) }
                        if !person.isRegistered, resolution == nil, registration == nil {
                            let proposals = RegistrationProposals(services: services, db: tx)
                            if input.registerAsResident == true {
                                _ = try await proposals.propose(person: person.id!, community: community.id!, checkpoint: gate.id!,
                                                                passage: passageID, by: userID)
                                proposed = true
                            } else {
                                proposed = try await proposals.pending(person: person.id!, community: community.id!) != nil
                            }
                        }
                    }
                    if case .idNumber(_, _, _, _, let cardRead?) = identity {
                        cardRead.usedByPassage = passageID
                        try await cardRead.save(on: tx)
                    }
                    let readings = offline?.readings(first: reading) ?? [TemperatureReading(value: reading, takenAt: now)]
                    let quota = direction == .out
                        ? try await OutingQuotaCounter(db: tx).status(community.outingQuota, householdID: household?.id, personID: person?.id,
                                                                      passID: resolution?.pass?.id, now: decidedAt,
                                                                      before: offline.map { _ in takenAt })
                        : nil
                    let registered = resolution != nil || person?.isRegistered == true
                    let standing = EntryRequest.Standing.atGate(registration: registration, registered: registered, proposed: proposed,
                                                                admitProposed: community.admitProposed, today: CalendarDate(decidedAt))
                    let outcome = EntryPolicy(feverRule: rule).decide(.atGate(
                        direction: direction, standing: standing, readings: readings, wearsMask: input.mask,
                        cardValidUntil: person?.cardValidUntil, passRefusal: resolution?.refusal,
                        homeQuarantine: household?.homeQuarantine ?? false, quotaRefusal: quota?.refusal,
                        divisionUnknown: identity.divisionUnknown(services.divisions), now: decidedAt))
                    let p = Passage()
                    p.id = passageID
                    p.communityID = community.id!
                    p.$checkpoint.id = gate.id!
                    p.$operatorUser.id = userID
                    p.$person.id = person?.id
                    p.householdID = household?.id
                    p.passID = resolution?.pass?.id
                    p.registrationID = registration?.registration.id
                    p.direction = direction
                    p.mode = identity.mode.rawValue
                    p.wearsMask = input.mask
                    p.nameMasked = person?.nameMasked ?? household.map { "\($0.label)（户）" } ?? "—"
                    p.phoneMasked = person?.phoneMasked ?? ""
                    p.recordedAt = takenAt
                    p.clientTime = input.clientTime
                    p.clientRequestID = input.clientRequestId
                    if let offline {
                        let (columns, review) = offline.row(server: outcome, readings: readings)
                        Self.apply(columns, to: p, now: now)
                        p.offline = true
                        p.reviewDecision = review?.decision
                        p.reviewReasons = review?.reasons
                    } else {
                        Self.apply(outcome, readings: readings, to: p, now: now)
                        p.offline = false
                    }
                    try await p.create(on: tx)
                    let fever = try await Self.openFeverCaseIfNeeded(outcome, passage: p, by: userID, now: decidedAt, on: tx)
                    var delivery: Delivery?
                    if let registration {
                        delivery = try await RegistrationPassage.apply(registration, passage: p, community: community, by: userID,
                                                                       services: services, on: tx)
                    }
                    return (p, fever, delivery)
                }
            } catch {
                // Two retries raced: the unique client request id let one through; answer with it.
                if let existing = try await existing(input.clientRequestId, user: user) {
                    return (PassageView(existing.values, restSeconds: rule.restSeconds, quota: community.outingQuota, language: language), false)
                }
                guard attempt == 1, (error as? any DatabaseError)?.isConstraintFailure == true else { throw error }
            }
        }
        guard let stored else { throw AppError(.internalServerError, "not_stored", zh: "记录未保存，请重试", en: "The passage was not stored: try again") }
        services.metrics.passage(decision: stored.decision)
        let values = stored.values
        await announce(values, gate: gate, feverCase: feverCase, rule: rule, by: user)
        if let delivery { await live.publish(LiveEvent(type: "delivery", payload: ["id": delivery.id!]), to: .household(delivery.householdID)) }
        return (PassageView(values, restSeconds: rule.restSeconds, quota: community.outingQuota, language: language), true)
    }

    static func feverRule(of community: Community) -> FeverRule {
        feverRule(thresholdTenths: community.feverThresholdTenths, restSeconds: community.remeasureRestSeconds,
                  lowestTenths: community.lowestReadingTenths)
    }

    /// The fever rule from a community's stored settings (an impossible value reads as the standard one).
    static func feverRule(thresholdTenths: Int, restSeconds: Int, lowestTenths: Int) -> FeverRule {
        let threshold = (try? BodyTemperature(tenths: thresholdTenths)) ?? FeverRule.standard.threshold
        let lowest = FeverRule.lowestRange.contains(lowestTenths) ? (try? BodyTemperature(tenths: lowestTenths)) : nil
        return FeverRule(threshold: threshold, restSeconds: restSeconds, lowest: lowest ?? FeverRule.standard.lowest)
    }

    /// A reading the gate believes: in the thermometer's range and not below the community's lowest.
    static func reading(_ celsius: Double, rule: FeverRule) throws -> BodyTemperature {
        do {
            let reading = try BodyTemperature(celsius: celsius)
            try rule.check(reading)
            return reading
        } catch { throw invalid(error.code, error.message) }
    }

    static func apply(_ outcome: EntryOutcome, readings: [TemperatureReading], to p: Passage, now: Date) {
        apply(PassageValues.Outcome(outcome, readings: readings), to: p, now: now)
    }

    static func apply(_ columns: PassageValues.Outcome, to p: Passage, now: Date) {
        p.readings = columns.readings
        p.temperatureTenths = columns.temperatureTenths
        p.status = columns.status
        p.decision = columns.decision
        p.reasons = columns.reasons
        p.awaitingRemeasure = columns.awaitingRemeasure
        p.updatedAt = now
    }

    static func openFeverCaseIfNeeded(_ outcome: EntryOutcome, passage: Passage, by user: UUID, now: Date,
                                              on db: any Database) async throws -> FeverCase? {
        guard outcome.fever == .fever else { return nil }
        let c = FeverCase()
        c.communityID = passage.communityID
        c.checkpointID = passage.$checkpoint.id
        c.passageID = passage.id!
        c.personID = passage.$person.id
        c.householdID = passage.householdID
        c.status = FeverCaseStage.confirmed.rawValue
        c.stageSince = now
        c.temperatureTenths = passage.temperatureTenths
        c.openedAt = now
        c.openedBy = user
        try await c.create(on: db)
        // The gate's steps: the first reading (by whoever recorded the passage), the re-measures, the confirmation.
        let readings = ReadingsCodec.decode(passage.readings)
        var steps: [(FeverCaseStage, Date, UUID, Int?)] = readings.enumerated().map { i, r in
            (i == 0 ? .measured : .remeasured, r.takenAt, i == 0 ? passage.$operatorUser.id : user, r.value.tenths)
        }
        steps = Array(steps.prefix(1)) + Array(steps.dropFirst().suffix(1))
        steps.append((.confirmed, now, user, nil))
        for (stage, at, by, tenths) in steps {
            let e = FeverCaseEvent()
            e.caseID = c.id!
            e.communityID = c.communityID
            e.stage = stage.rawValue
            e.at = at
            e.by = by
            e.temperatureTenths = tenths
            try await e.create(on: db)
        }
        return c
    }

    func existing(_ requestID: UUID, user: User) async throws -> Passage? {
        guard let p = try await Passage.query(on: db).filter(\.$clientRequestID == requestID).first() else { return nil }
        guard p.$operatorUser.id == user.id else {
            throw AppError(.conflict, "client_request_id_reused", zh: "请求编号重复", en: "This clientRequestId belongs to another passage")
        }
        return p
    }

    func announce(_ passage: PassageValues, gate: Checkpoint, feverCase: FeverCase?, rule: FeverRule, by user: User) async {
        await announce(passage, checkpointID: gate.id!, checkpointName: gate.name, feverCase: feverCase, rule: rule, by: user)
    }

    /// Tells the checkpoint's and the community's live screens (and, for a fever, whoever must act on it).
    func announce(_ passage: PassageValues, checkpointID: UUID, checkpointName: String, feverCase: FeverCase?, rule: FeverRule,
                  by user: User) async {
        let channels: [LiveChannel] = [.checkpoint(checkpointID), .community(passage.communityID)]
        if await live.isWatched(channels) {
            let event = LiveEvent(type: "passage", payload: LivePassage(
                passage: PassageView(passage, restSeconds: rule.restSeconds, language: .zh),
                checkpointName: checkpointName, operatorName: StaffNames.name(of: user, services: services)))
            for channel in channels { await live.publish(event, to: channel) }
        }
        if passage.review != nil {
            // The office's review list follows (离线放行待复核): the notice names no one.
            await live.publish(LiveEvent(type: "offline-review", payload: ["passageId": passage.id]), to: .community(passage.communityID))
        }
        if let feverCase {
            let alert = FeverAlert(feverCaseId: feverCase.id!, passageId: passage.id, checkpointId: checkpointID,
                                   checkpointName: checkpointName, nameMasked: passage.nameMasked,
                                   temperature: Double(passage.outcome.temperatureTenths) / 10, at: feverCase.openedAt)
            let alertEvent = LiveEvent(type: "alert", payload: alert)
            for channel in await FeverCaseNotices.channels(community: passage.communityID, on: db) { await live.publish(alertEvent, to: channel) }
        }
    }
}
