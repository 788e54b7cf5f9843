import Foundation
import Vapor

/// The contacts of a trace as people to act on: one group per household for pass-holder passages (a household goes
/// through the gate on one pass), per person otherwise, and per passage for someone the gate could not name — with
/// how often they were there with the traced person and how close in time.
struct ContactGroup: Content {
    struct Member: Content {
        /// nil for a passage without a person (nobody to call back).
        let personId: UUID?
        let nameMasked: String
        let phoneMasked: String
    }

    /// `household:<id>`, `person:<id>` or `passage:<id>`: what the action form sends back.
    let key: String
    /// `household`, `person` or `passage`.
    let kind: String
    /// The household's label, or the person's masked name.
    let label: String
    let householdId: UUID?
    let members: [Member]
    /// Passages of the group within the window of one of the traced person's.
    let coPresences: Int
    let closestMinutes: Int
    let closestTime: String
    let checkpoints: String
    let abnormal: Bool
}
