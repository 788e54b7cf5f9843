import Foundation
import GatehouseCore

/// What the gate's hot path needs of a checkpoint and its community, read in one query and cached briefly.
struct GateSettings: Sendable {
    let checkpointID: UUID
    let checkpointName: String
    let communityID: UUID
    let feverRule: FeverRule
    let outingQuota: OutingQuota?
    let stoodDown: Bool
    let isOpen: Bool
}
