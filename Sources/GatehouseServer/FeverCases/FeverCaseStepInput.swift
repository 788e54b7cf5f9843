import Foundation
import Vapor

/// A step on a fever case as a form or the API sends it.
struct FeverCaseStepInput: Content {
    /// The stage reached (`inObservation`, `reported`, `transferred`, `released`, `disinfected`, `closed`).
    var stage: String?
    /// An observation room already on the community's disinfection schedules…
    var roomId: UUID?
    /// …or a new one, named here (it is added to the schedules).
    var roomName: String?
    /// Destination (transferred), doctor (released by decision), disinfectant (disinfected).
    var subject: String?
    /// How or by whom the person was taken (transferred).
    var escort: String?
    /// `normalAfterRemeasure` or `doctorDecision` (released).
    var releaseReason: String?
    /// The re-measure that lets the person go (released, normal).
    var temperature: Double?
    /// transferred, when the person has a household: `order` (home quarantine, from the prefilled fields below) or `none`.
    var householdQuarantine: String?
    var quarantineEndsOn: String?
    var quarantineReason: String?
    var quarantineOrderedBy: String?
    /// `1` when the health worker confirms an order shorter than the community's minimum.
    var quarantineConfirmShort: String?
    var note: String?
}
