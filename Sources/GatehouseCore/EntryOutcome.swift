/// A decision with all its reasons, and the 正常/异常 status of the temperature.
public struct EntryOutcome: Sendable, Equatable {
    public let decision: EntryDecision
    public let reasons: [EntryReason]
    public let temperatureAbnormal: Bool
    public let fever: FeverAssessment

    /// "normal" or "abnormal".
    public var status: String { temperatureAbnormal ? "abnormal" : "normal" }
}
