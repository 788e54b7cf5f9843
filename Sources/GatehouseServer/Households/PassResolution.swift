import Foundation
import GatehouseCore

/// A scanned pass, resolved in one community: the pass and household when known, and why it cannot be honoured.
struct PassResolution {
    let pass: Pass?
    let household: Household?
    let resident: Resident?
    let person: Person?
    /// Revoked, suspended, expired, forged, another community's: nil when the pass holds.
    let refusal: EntryReason?

    var isValid: Bool { refusal == nil && pass != nil }
}
