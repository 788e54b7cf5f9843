import Fluent
import Foundation
import GatehouseCore
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
        guard let direction = Direction(rawValue: input.direction) else {
            throw GateService.invalid("invalid_direction", LocalizedText(zh: "请选择进或出", en: "Choose in or out"))
        }
        let reading: BodyTemperature
        do { reading = try BodyTemperature(celsius: input.temperature) } catch { throw GateService.invalid(error.code, error.message) }
        let now = services.clock.now()
        let readings = [TemperatureReading(value: reading, takenAt: now)]
        let rule = settings.feverRule
        // One reading never confirms a fever (the re-measure does); were a rule ever to, the general path opens the case.
        if case .fever = rule.assess(readings, now: now) { return try await gate.recordAnyWay(input, by: user) }
        let (refusal, pass) = try await resolve(input.passCode!, settings: settings, now: now, on: sql)

        let userID = try user.requireID()
        let p = Passage()
        p.id = TimeOrderedID.make(at: now)
        p.communityID = settings.communityID
        p.$checkpoint.id = settings.checkpointID
        p.$operatorUser.id = userID
        p.$person.id = pass?.row.personId
        p.householdID = pass?.row.householdId
        p.passID = pass?.id
        p.direction = direction.rawValue
        p.mode = IdentificationMode.pass.rawValue
        p.wearsMask = input.mask
        p.nameMasked = pass.map { $0.row.nameMasked ?? "\($0.row.householdLabel)（户）" } ?? "—"
        p.phoneMasked = pass?.row.phoneMasked ?? ""
        p.recordedAt = now
        p.clientTime = input.clientTime
        p.clientRequestID = input.clientRequestId
        let passage = p

        // An exit under an outing quota counts the exits before it, so the rows before it must be in.
        let countsExits = direction == .out && settings.outingQuota != nil
        let inserted = try await services.groupCommit.insertPassage(on: gate.db, readsFirst: countsExits) { tx in
            let quota = countsExits
                ? try await OutingQuotaCounter(db: tx).status(settings.outingQuota, householdID: pass?.row.householdId,
                                                              personID: pass?.row.personId, passID: pass?.id, now: now)
                : nil
            let outcome = EntryPolicy(feverRule: rule).decide(EntryRequest(
                direction: direction, standing: .registered, readings: readings, wearsMask: input.mask,
                idCardValidUntil: pass?.row.cardValidUntil.flatMap { CalendarDate(parsing: $0) },
                passRefusal: refusal, homeQuarantine: pass?.row.homeQuarantine ?? false,
                quotaRefusal: quota?.refusal, now: now))
            GateService.apply(outcome, readings: readings, to: passage, now: now)
            return PassageRecord(passage, on: tx)
        }
        guard inserted else {
            // Nothing inserted: this request was answered before (its clientRequestId is stored), or the community
            // stood down since its settings were read.
            if let existing = try await gate.existing(input.clientRequestId, user: user) {
                return (PassageView(existing, restSeconds: rule.restSeconds, quota: settings.outingQuota, language: gate.language), false)
            }
            services.hotPath.gates.remove(settings.checkpointID)
            throw GateAccess.standingDown
        }
        services.metrics.passage(decision: passage.decision)
        await gate.announce(passage, checkpointID: settings.checkpointID, checkpointName: settings.checkpointName,
                            feverCase: nil, rule: rule)
        return (PassageView(passage, restSeconds: rule.restSeconds, quota: settings.outingQuota, language: gate.language), true)
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
