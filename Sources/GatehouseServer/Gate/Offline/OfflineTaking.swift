import Foundation
import GatehouseCore

/// A passage the gate took without network, as the server takes it at sync: when it was taken, the re-measure taken
/// after the rest, and what the gate decided. Every rule is applied again at the time it was taken; the decision the
/// gate took is what happened and is kept, and where the server would have decided otherwise its decision goes beside
/// it for the office to review.
struct OfflineTaking: Sendable {
    /// How late a passage may come: a gate offline for three days is a matter for the office, not for a sync.
    static let oldest: TimeInterval = 72 * 3600
    /// How far ahead of the server's clock a device's corrected clock may be.
    static let ahead: TimeInterval = 120

    /// When the passage was taken.
    let at: Date
    /// What the gate decided, and its reason codes (kept as given where they differ from the server's).
    let decision: EntryDecision?
    let reasons: [String]
    /// The re-measure after the rest: its reading and when.
    let remeasure: TemperatureReading?

    /// The offline taking of `input`, or nil for a passage taken now (no `takenAt`).
    static func of(_ input: PassageInput, rule: FeverRule, now: Date) throws -> OfflineTaking? {
        guard let at = input.takenAt else { return nil }
        if now.timeIntervalSince(at) > oldest {
            throw GateService.invalid("taken_too_long_ago", LocalizedText(
                zh: "这条离线记录已超过72小时，无法补录：请交社区办公室处理",
                en: "This offline passage is more than 72 hours old and cannot be added: hand it to the community office"))
        }
        if at.timeIntervalSince(now) > ahead {
            throw GateService.invalid("taken_in_future", LocalizedText(
                zh: "记录时间晚于服务器时间，请校准手机时间后重试", en: "The passage's time is ahead of the server's: set the phone's clock, then try again"))
        }
        var decision: EntryDecision?
        if let text = input.offlineDecision {
            guard let parsed = EntryDecision(rawValue: text) else {
                throw GateService.invalid("invalid_offline_decision", LocalizedText(
                    zh: "离线决定无效（应为放行、不予放行或待处理）", en: "The offline decision must be allow, deny or refer"))
            }
            decision = parsed
        }
        var remeasure: TemperatureReading?
        if let taken = input.remeasure {
            let reading = try GateService.reading(taken.temperature, rule: rule)
            // The device counts the rest down itself; a few seconds of its clock's drift are forgiven.
            guard taken.takenAt >= at + TimeInterval(rule.restSeconds) - 10, taken.takenAt.timeIntervalSince(now) <= ahead else {
                throw GateService.invalid("remeasure_time_invalid", LocalizedText(
                    zh: "复测时间不在休息之后，无法补录", en: "The re-measure was not taken after the rest"))
            }
            remeasure = TemperatureReading(value: reading, takenAt: taken.takenAt)
        }
        return OfflineTaking(at: at, decision: decision, reasons: input.offlineReasons ?? [], remeasure: remeasure)
    }

    /// The readings in order: the first at the time taken, then the re-measure.
    func readings(first: BodyTemperature) -> [TemperatureReading] {
        [TemperatureReading(value: first, takenAt: at)] + (remeasure.map { [$0] } ?? [])
    }

    /// The moment the rules are applied at: the last reading's (a re-measure decides when it is taken).
    var decidedAt: Date { remeasure?.takenAt ?? at }

    /// The row's outcome and its review: the server's outcome when the gate decided the same (or said nothing),
    /// otherwise the gate's decision with its reasons, and the server's beside it.
    func row(server outcome: EntryOutcome, readings: [TemperatureReading]) -> (PassageValues.Outcome, PassageValues.Review?) {
        var columns = PassageValues.Outcome(outcome, readings: readings)
        guard let decision, decision != outcome.decision else { return (columns, nil) }
        let review = PassageValues.Review(decision: columns.decision, reasons: columns.reasons)
        columns.decision = decision.rawValue
        columns.reasons = reasons.filter(Self.isCode).joined(separator: ",")
        return (columns, review)
    }

    /// A reason code as the gate writes them (`quota_used`): anything else is not stored.
    private static func isCode(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 40 && text.utf8.allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || $0 == UInt8(ascii: "_") }
    }
}
