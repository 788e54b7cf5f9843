import Foundation

/// How long a fever case has waited at its stage, and whether the next step is late (e.g. reported 30 minutes ago
/// with no decision).
public struct FeverCaseWait: Sendable, Equatable {
    /// Whole minutes at this stage.
    public let minutes: Int
    public let isLate: Bool
    /// Minutes past the stage's limit, counted up (超时 1 分钟 from the limit's first second); 0 when not late.
    public let minutesLate: Int

    public init(stage: FeverCaseStage, since: Date, now: Date) {
        let waited = max(0, Int(now.timeIntervalSince(since) / 60))
        minutes = waited
        isLate = stage.patienceMinutes.map { waited >= $0 } ?? false
        if isLate, let patience = stage.patienceMinutes {
            let past = now.timeIntervalSince(since + TimeInterval(patience * 60))
            minutesLate = max(1, Int((past / 60).rounded(.up)))
        } else {
            minutesLate = 0
        }
    }
}
