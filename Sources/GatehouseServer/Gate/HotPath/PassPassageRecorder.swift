import Fluent
import Foundation
import GatehouseCore
import NIOConcurrencyHelpers
import SQLKit
import GatehouseStore

/// The gate's hot path: an operator at their own checkpoint scans a signed pass. The same rules as
/// `GateService.record` (it answers everything else), with plain SQL: the checkpoint's settings from a short-lived
/// cache, the signature checked with the keys in memory (once per token text: `PassSignatureMemo`), the pass with its
/// household and holder in one query (also kept briefly: `HotPathCaches`), then — in the group commit — the quota
/// count (exits under a quota only), the decision, and the row, inserted with the batch's other passages by one
/// statement that also refuses a stood-down community and a repeated `clientRequestId`.
struct PassPassageRecorder {
    let gate: GateService

    private var services: GatehouseServices { gate.services }

    /// Whether this path answers `input` from `user`.
    static func handles(_ input: PassageInput, by user: User) -> Bool {
        user.roleValue == .operator && user.checkpointID == input.checkpointId && input.registerAsResident != true
            && input.idNumber == nil && input.cardReadId == nil && input.noId == nil && input.registrationCode == nil
            && input.passCode.map(Self.isToken) == true
    }

    /// A signed token (`GH1.…`, perhaps with white space around it from the scanner), not a typed short code.
    private static func isToken(_ code: String) -> Bool {
        code.utf8.starts(with: "GH1.".utf8) || code.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("GH1.")
    }

    func record(_ input: PassageInput, by user: User) async throws -> (view: PassageView, created: Bool) {
        switch try await prepare(input, by: user) {
        case .elsewhere: return try await gate.recordAnyWay(input, by: user)
        case .ready(let passage): return try await passage.finish(passage.submit())
        }
    }

    /// What `prepare` found: a passage ready for the group commit, or one the general path must take.
    enum Preparation {
        case ready(Prepared)
        /// A confirmed fever: the general path opens its case.
        case elsewhere
    }

    /// Everything before the group commit: the gate's settings, the reading, the pass and its signature, a pending
    /// re-measure. A batch prepares its passages one after another and submits each at once, so that they reach
    /// the group commit in their order without waiting for each other's commit.
    func prepare(_ input: PassageInput, by user: User) async throws -> Preparation {
        let sql = gate.db as! any SQLDatabase
        guard let settings = try await GateSettings.find(input.checkpointId, cache: services.hotPath.gates, on: sql) else {
            throw AppError.notFound
        }
        guard !settings.stoodDown else { throw GateAccess.standingDown }
        guard settings.isOpen else { throw GateAccess.closed }
        guard let direction = Direction(rawValue: input.direction) else {
            throw GateService.invalid("invalid_direction", LocalizedText(zh: "请选择进或出", en: "Choose in or out"))
        }
        let rule = settings.feverRule
        let reading = try GateService.reading(input.temperature, rule: rule)
        let now = services.clock.now()
        // A passage taken offline is judged at the moment it was taken (its re-measure's, when it has one).
        let offline = try OfflineTaking.of(input, rule: rule, now: now)
        let decidedAt = offline?.decidedAt ?? now
        let readings = offline?.readings(first: reading) ?? [TemperatureReading(value: reading, takenAt: now)]
        if case .fever = rule.assess(readings, now: decidedAt) { return .elsewhere }
        let (refusal, pass) = try await resolve(input.passCode!, settings: settings, now: decidedAt, on: sql)
        // Offline, the gate kept its own re-measures: what it took stands.
        if offline == nil, let pass,
           let pending = try await PendingRemeasure.find(community: settings.communityID, personID: pass.row.personId,
                                                         passID: pass.id, restSeconds: rule.restSeconds, on: sql) {
            throw pending.refusal(now: now)
        }
        return .ready(Prepared(recorder: self, input: input, operatorID: try user.requireID(), user: user, settings: settings,
                               direction: direction, readings: readings, now: now, offline: offline, refusal: refusal, pass: pass))
    }

    /// A pass passage whose checks before the group commit are done.
    struct Prepared: Sendable {
        let recorder: PassPassageRecorder
        let input: PassageInput
        let operatorID: UUID
        let user: User
        let settings: GateSettings
        let direction: Direction
        let readings: [TemperatureReading]
        let now: Date
        let offline: OfflineTaking?
        let refusal: EntryReason?
        let pass: (id: UUID, row: PassRow)?
        /// The row the group commit decided, once it has.
        private let decided = NIOLockedValueBox<PassageValues?>(nil)

        init(recorder: PassPassageRecorder, input: PassageInput, operatorID: UUID, user: User, settings: GateSettings,
             direction: Direction, readings: [TemperatureReading], now: Date, offline: OfflineTaking?, refusal: EntryReason?,
             pass: (id: UUID, row: PassRow)?) {
            self.recorder = recorder
            self.input = input
            self.operatorID = operatorID
            self.user = user
            self.settings = settings
            self.direction = direction
            self.readings = readings
            self.now = now
            self.offline = offline
            self.refusal = refusal
            self.pass = pass
        }

        /// Hands the passage to the group commit; the ticket answers once its batch has committed.
        func submit() -> GroupCommitTicket {
            let gate = recorder.gate
            let id = TimeOrderedID.make(at: now)
            let takenAt = offline?.at ?? now
            let decidedAt = offline?.decidedAt ?? now
            // An exit under an outing quota counts the exits before it, so the rows before it must be in.
            let countsExits = direction == .out && settings.outingQuota != nil
            let (input, settings, direction, readings, now, offline, refusal, pass, operatorID, decided) =
                (input, settings, direction, readings, now, offline, refusal, pass, operatorID, decided)
            return gate.services.groupCommit.submit(on: gate.db, readsFirst: countsExits) { tx in
                let quota = countsExits
                    ? try await OutingQuotaCounter(db: tx).status(settings.outingQuota, householdID: pass?.row.householdId,
                                                                  personID: pass?.row.personId, passID: pass?.id, now: decidedAt,
                                                                  before: offline.map { _ in takenAt })
                    : nil
                let outcome = EntryPolicy(feverRule: settings.feverRule).decide(.atGate(
                    direction: direction, standing: .registered, readings: readings, wearsMask: input.mask,
                    cardValidUntil: pass?.row.cardValidUntil, passRefusal: refusal, homeQuarantine: pass?.row.homeQuarantine ?? false,
                    quotaRefusal: quota?.refusal, now: decidedAt))
                let (columns, review) = offline?.row(server: outcome, readings: readings)
                    ?? (PassageValues.Outcome(outcome, readings: readings), nil)
                let values = PassageValues(
                    id: id, communityID: settings.communityID, checkpointID: settings.checkpointID, operatorID: operatorID,
                    personID: pass?.row.personId, householdID: pass?.row.householdId, passID: pass?.id, registrationID: nil,
                    direction: direction, mode: IdentificationMode.pass.rawValue, outcome: columns,
                    wearsMask: input.mask, nameMasked: pass.map { $0.row.nameMasked ?? "\($0.row.householdLabel)（户）" } ?? "—",
                    phoneMasked: pass?.row.phoneMasked ?? "", recordedAt: takenAt, clientTime: input.clientTime,
                    clientRequestID: input.clientRequestId, updatedAt: now, offline: offline != nil, review: review)
                decided.withLockedValue { $0 = values }
                return PassageRecord(values, on: tx)
            }
        }

        /// The answer once the ticket's batch has committed: the passage stored, or the one stored before under the
        /// same clientRequestId.
        func finish(_ ticket: GroupCommitTicket) async throws -> (view: PassageView, created: Bool) {
            let gate = recorder.gate
            let rule = settings.feverRule
            let inserted = try await ticket.value()
            guard inserted, let values = decided.withLockedValue({ $0 }) else {
                // Nothing inserted: this request was answered before (its clientRequestId is stored), or the community
                // stood down since its settings were read.
                if let existing = try await gate.existing(input.clientRequestId, user: user) {
                    return (PassageView(existing.values, restSeconds: rule.restSeconds, quota: settings.outingQuota, language: gate.language), false)
                }
                gate.services.hotPath.gates.remove(settings.checkpointID)
                throw GateAccess.standingDown
            }
            gate.services.metrics.passage(decision: values.outcome.decision)
            await gate.announce(values, checkpointID: settings.checkpointID, checkpointName: settings.checkpointName,
                                feverCase: nil, rule: rule, by: user)
            return (PassageView(values, restSeconds: rule.restSeconds, quota: settings.outingQuota, language: gate.language), true)
        }
    }

    /// The pass behind the scanned token, or why it cannot be honoured (as `PassResolver` decides).
    private func resolve(_ code: String, settings: GateSettings, now: Date,
                         on sql: any SQLDatabase) async throws -> (EntryReason?, (id: UUID, row: PassRow)?) {
        let claims: PassClaims
        do { claims = try services.passSignatures.verifySignature(code) } catch {
            if error == .malformed { throw PassResolver.unreadable }
            return (.pass(error), nil)
        }
        guard claims.communityID == settings.communityID else { return (.pass(.wrongCommunity), nil) }
        guard let row = try await PassRow.find(claims.passID, cache: services.hotPath.passes, on: sql),
              row.communityId == settings.communityID else {
            return (.passRevoked, nil)
        }
        let refusal = claims.expiresAt <= now
            ? .pass(.expired)
            : PassResolver.refusal(status: Pass.Status(rawValue: row.status) ?? .revoked, expiresAt: row.expiresAt, now: now)
        return (refusal, (claims.passID, row))
    }
}
