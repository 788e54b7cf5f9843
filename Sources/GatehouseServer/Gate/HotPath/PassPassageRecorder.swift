import Fluent
import Foundation
import GatehouseCore
import NIOConcurrencyHelpers
import SQLKit

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
        let sql = gate.db as! any SQLDatabase
        guard let settings = try await GateSettings.find(input.checkpointId, cache: services.hotPath.gates, on: sql) else {
            throw AppError.notFound
        }
        guard !settings.stoodDown else { throw GateAccess.standingDown }
        guard settings.isOpen else { throw GateAccess.closed }
        guard let direction = Direction(rawValue: input.direction) else {
            throw GateService.invalid("invalid_direction", LocalizedText(zh: "请选择进或出", en: "Choose in or out"))
        }
        let reading = try GateService.reading(input.temperature, rule: settings.feverRule)
        let now = services.clock.now()
        let readings = [TemperatureReading(value: reading, takenAt: now)]
        let rule = settings.feverRule
        // One reading never confirms a fever (the re-measure does); were a rule ever to, the general path opens the case.
        if case .fever = rule.assess(readings, now: now) { return try await gate.recordAnyWay(input, by: user) }
        let (refusal, pass) = try await resolve(input.passCode!, settings: settings, now: now, on: sql)
        if let pass, let pending = try await PendingRemeasure.find(community: settings.communityID, personID: pass.row.personId,
                                                                   passID: pass.id, restSeconds: rule.restSeconds, on: sql) {
            throw pending.refusal(now: now)
        }

        let id = TimeOrderedID.make(at: now)
        let operatorID = try user.requireID()
        // The passage's columns, once the group commit has decided.
        let row = { @Sendable (outcome: PassageValues.Outcome) in
            PassageValues(
                id: id, communityID: settings.communityID, checkpointID: settings.checkpointID, operatorID: operatorID,
                personID: pass?.row.personId, householdID: pass?.row.householdId, passID: pass?.id, registrationID: nil,
                direction: direction, mode: IdentificationMode.pass.rawValue, outcome: outcome,
                wearsMask: input.mask, nameMasked: pass.map { $0.row.nameMasked ?? "\($0.row.householdLabel)（户）" } ?? "—",
                phoneMasked: pass?.row.phoneMasked ?? "", recordedAt: now, clientTime: input.clientTime,
                clientRequestID: input.clientRequestId, updatedAt: now)
        }

        // An exit under an outing quota counts the exits before it, so the rows before it must be in.
        let countsExits = direction == .out && settings.outingQuota != nil
        let decided = NIOLockedValueBox<PassageValues?>(nil)
        let inserted = try await services.groupCommit.insert(on: gate.db, readsFirst: countsExits) { tx in
            let quota = countsExits
                ? try await OutingQuotaCounter(db: tx).status(settings.outingQuota, householdID: pass?.row.householdId,
                                                              personID: pass?.row.personId, passID: pass?.id, now: now)
                : nil
            let outcome = EntryPolicy(feverRule: rule).decide(.atGate(
                direction: direction, standing: .registered, readings: readings, wearsMask: input.mask,
                cardValidUntil: pass?.row.cardValidUntil, passRefusal: refusal, homeQuarantine: pass?.row.homeQuarantine ?? false,
                quotaRefusal: quota?.refusal, now: now))
            let values = row(PassageValues.Outcome(outcome, readings: readings))
            decided.withLockedValue { $0 = values }
            return PassageRecord(values, on: tx)
        }
        guard inserted, let values = decided.withLockedValue({ $0 }) else {
            // Nothing inserted: this request was answered before (its clientRequestId is stored), or the community
            // stood down since its settings were read.
            if let existing = try await gate.existing(input.clientRequestId, user: user) {
                return (PassageView(existing.values, restSeconds: rule.restSeconds, quota: settings.outingQuota, language: gate.language), false)
            }
            services.hotPath.gates.remove(settings.checkpointID)
            throw GateAccess.standingDown
        }
        services.metrics.passage(decision: values.outcome.decision)
        await gate.announce(values, checkpointID: settings.checkpointID, checkpointName: settings.checkpointName,
                            feverCase: nil, rule: rule, by: user)
        return (PassageView(values, restSeconds: rule.restSeconds, quota: settings.outingQuota, language: gate.language), true)
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
