/// A decision with all its reasons, and the 正常/异常 status of the temperature.
public struct EntryOutcome: Sendable, Equatable {
    public let decision: EntryDecision
    public let reasons: [EntryReason]
    public let temperatureAbnormal: Bool
    public let fever: FeverAssessment

    /// 正常 or 异常: the temperature's status in the register.
    public var status: TemperatureStatus { temperatureAbnormal ? .abnormal : .normal }
}
