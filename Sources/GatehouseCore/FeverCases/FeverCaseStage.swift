/// Where a fever case stands (Inner Mongolia notice: fever → observation room → report → transfer → disinfection).
/// The gate records the first three steps; the rest are taken by community, property and health staff.
public enum FeverCaseStage: String, Sendable, Codable, CaseIterable {
    /// The first reading at the gate was at or over the threshold.
    case measured
    /// The re-measure after the rest.
    case remeasured
    /// The re-measure confirmed the fever: the case is open.
    case confirmed
    /// The person waits in a temporary observation room.
    case inObservation
    /// Reported to the health department, which decides.
    case reported
    /// Taken to a fever clinic or hospital.
    case transferred
    /// Let go: normal after a re-measure, or on a doctor's decision.
    case released
    /// The observation room was disinfected after use.
    case disinfected
    case closed

    public var label: LocalizedText {
        switch self {
        case .measured: return LocalizedText(zh: "初测体温异常", en: "Measured high")
        case .remeasured: return LocalizedText(zh: "复测", en: "Re-measured")
        case .confirmed: return LocalizedText(zh: "确认发热", en: "Fever confirmed")
        case .inObservation: return LocalizedText(zh: "临时留观", en: "In the observation room")
        case .reported: return LocalizedText(zh: "已上报卫健部门", en: "Reported to health")
        case .transferred: return LocalizedText(zh: "已转运", en: "Transferred")
        case .released: return LocalizedText(zh: "已解除留观", en: "Released")
        case .disinfected: return LocalizedText(zh: "留观室已消毒", en: "Room disinfected")
        case .closed: return LocalizedText(zh: "已结案", en: "Closed")
        }
    }

    /// The steps that may follow this one.
    public var next: [FeverCaseStage] {
        switch self {
        case .measured: return [.remeasured]
        case .remeasured: return [.confirmed]
        case .confirmed: return [.inObservation]
        case .inObservation: return [.reported]
        case .reported: return [.transferred, .released]
        case .transferred, .released: return [.disinfected]
        case .disinfected: return [.closed]
        case .closed: return []
        }
    }

    /// The health department's decision (transfer or release) — not the gate's or the property company's.
    public var isDecision: Bool { self == .transferred || self == .released }

    /// How long the case may wait at this stage before the next step is late, in minutes.
    public var patienceMinutes: Int? {
        switch self {
        case .measured, .remeasured: return nil
        case .confirmed: return 10
        case .inObservation: return 15
        case .reported: return 30
        case .transferred, .released: return 60
        case .disinfected: return 30
        case .closed: return nil
        }
    }
}
