import Foundation

/// One step a person takes on a fever case, checked before it is stored: what each step must say.
public struct FeverCaseStep: Sendable, Equatable {
    /// Why a person with a fever is let go.
    public enum ReleaseReason: String, Sendable, CaseIterable {
        /// A further re-measure was normal.
        case normalAfterRemeasure
        /// A doctor decided (named).
        case doctorDecision

        public var label: LocalizedText {
            switch self {
            case .normalAfterRemeasure: return LocalizedText(zh: "复测正常", en: "Normal on a further re-measure")
            case .doctorDecision: return LocalizedText(zh: "医生判定", en: "A doctor's decision")
            }
        }
    }

    public let stage: FeverCaseStage
    /// The observation room (inObservation), the destination (transferred), the doctor (released by decision),
    /// the disinfectant (disinfected).
    public let subject: String?
    /// How or by whom the person was taken (transferred).
    public let escort: String?
    public let releaseReason: ReleaseReason?
    /// The re-measure that let the person go, in tenths of a degree.
    public let temperatureTenths: Int?
    public let note: String?

    /// Checks a step that should follow `current`.
    /// - Parameters:
    ///   - thresholdTenths: the community's fever threshold, for a release on a normal re-measure.
    public init(from current: FeverCaseStage, to stage: FeverCaseStage, subject: String?, escort: String?,
                releaseReason: String?, temperature: BodyTemperature?, thresholdTenths: Int, note: String?) throws(FeverCaseStepError) {
        guard current.next.contains(stage), ![.measured, .remeasured, .confirmed].contains(stage) else { throw .notNext(from: current) }
        func clean(_ s: String?) throws(FeverCaseStepError) -> String? {
            guard let t = s?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
            guard t.count <= 60 else { throw .textTooLong }
            return t
        }
        let subject = try clean(subject)
        let escort = try clean(escort)
        let note = try clean(note)
        var reason: ReleaseReason?
        var tenths: Int?
        switch stage {
        case .inObservation:
            guard subject != nil else { throw .roomRequired }
        case .transferred:
            guard subject != nil else { throw .destinationRequired }
            guard escort != nil else { throw .escortRequired }
        case .released:
            guard let r = releaseReason.flatMap(ReleaseReason.init(rawValue:)) else { throw .releaseReasonRequired }
            reason = r
            switch r {
            case .normalAfterRemeasure:
                guard let temperature, temperature.tenths < thresholdTenths else { throw .normalTemperatureRequired }
                tenths = temperature.tenths
            case .doctorDecision:
                guard subject != nil else { throw .doctorRequired }
            }
        case .disinfected:
            guard subject != nil else { throw .agentRequired }
        default:
            break
        }
        self.stage = stage
        self.subject = stage == .released && reason == .normalAfterRemeasure ? nil : subject
        self.escort = stage == .transferred ? escort : nil
        self.releaseReason = reason
        temperatureTenths = tenths
        self.note = note
    }
}
