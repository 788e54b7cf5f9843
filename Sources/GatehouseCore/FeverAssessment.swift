import Foundation

/// What a person's readings mean.
public enum FeverAssessment: Sendable, Equatable {
    case noReading
    /// Below the threshold (first reading, or the re-measure after a rest).
    case normal
    /// First reading at or above the threshold: rest, then measure again at `after`.
    case remeasureRequired(after: Date)
    /// The re-measure confirmed the fever.
    case fever

    /// 正常 / 异常 as the record list shows it.
    public var isAbnormal: Bool {
        switch self {
        case .remeasureRequired, .fever: return true
        case .noReading, .normal: return false
        }
    }
}
