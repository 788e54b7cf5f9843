import Foundation

/// How long a fever case has waited at its stage, and whether the next step is late (e.g. reported 30 minutes ago
/// with no decision).
public struct FeverCaseWait: Sendable, Equatable {
    public let minutes: Int
    public let isLate: Bool

    public init(stage: FeverCaseStage, since: Date, now: Date) {
        let waited = max(0, Int(now.timeIntervalSince(since) / 60))
        minutes = waited
        isLate = stage.patienceMinutes.map { waited >= $0 } ?? false
    }
}
