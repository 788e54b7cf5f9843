import Foundation

/// The gate's rules as one pure function (Henan guide, Inner Mongolia notice).
///
/// Fever dominates: a person with a high reading is referred whatever else holds (they are not simply
/// sent away). Then a missing mask denies until masked; a revoked, suspended, expired or forged pass denies; a
/// household under home quarantine may not go out; a used-up outing quota denies going out; an unregistered person
/// without a pass is refused entry (leaving is never refused for that); so is a visitor nobody vouched for, a visitor
/// whose visit is over, and someone whose application waits for confirmation. A courier is never let in, either way.
/// An expired ID card, or an ID number whose division code exists in no year of GB/T 2260, is a warning only.
public struct EntryPolicy: Sendable {
    public let feverRule: FeverRule

    public init(feverRule: FeverRule = .standard) { self.feverRule = feverRule }

    public func decide(_ request: EntryRequest) -> EntryOutcome {
        let fever = feverRule.assess(request.readings, now: request.now)
        var reasons: [EntryReason] = []
        var decision = EntryDecision.allow
        switch fever {
        case .noReading:
            reasons.append(.noReading)
            decision = .deny
        case .remeasureRequired:
            reasons.append(.remeasure(restSeconds: feverRule.restSeconds))
            decision = .refer
        case .fever:
            reasons.append(.feverConfirmed)
            decision = .refer
        case .normal:
            break
        }
        if !request.wearsMask {
            reasons.append(.noMask)
            if decision == .allow { decision = .deny }
        }
        if let refusal = request.passRefusal {
            reasons.append(refusal)
            if decision == .allow { decision = .deny }
        }
        if request.homeQuarantine, request.direction == .out {
            reasons.append(.homeQuarantine)
            if decision == .allow { decision = .deny }
        }
        if let quota = request.quotaRefusal, request.direction == .out {
            reasons.append(quota)
            if decision == .allow { decision = .deny }
        }
        if let refusal = Self.standingRefusal(request.standing, direction: request.direction) {
            reasons.append(refusal)
            if decision == .allow { decision = .deny }
        }
        if request.standing == .visitorEscorted, request.direction == .in {
            reasons.append(.visitorEscorted)
        }
        if [.visitorEscorted, .visitOver, .visitorWithoutHost].contains(request.standing), request.direction == .out {
            reasons.append(.visitorLeaving)
        }
        if request.standing == .proposed(admitted: true), request.direction == .in {
            reasons.append(.proposedRegistration)
        }
        if let validUntil = request.idCardValidUntil, validUntil < CalendarDate(request.now) {
            reasons.append(.idCardExpired)
        }
        if request.divisionUnknown {
            reasons.append(.divisionUnknown)
        }
        return EntryOutcome(decision: decision, reasons: reasons, temperatureAbnormal: fever.isAbnormal, fever: fever)
    }

    private static func standingRefusal(_ standing: EntryRequest.Standing, direction: Direction) -> EntryReason? {
        switch (standing, direction) {
        case (.courier, _): return .courierNoEntry
        case (.unregistered, .in): return .notRegistered
        case (.visitorWithoutHost, .in): return .visitorNeedsHost
        case (.visitOver, .in): return .visitOver
        case (.visitingQuarantinedHousehold, .in): return .visitHouseholdQuarantined
        case (.awaitingConfirmation, .in): return .awaitingConfirmation
        case (.proposed(admitted: false), .in): return .proposedRegistrationWaits
        default: return nil
        }
    }
}
