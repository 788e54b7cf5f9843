import Foundation
import GatehouseCore
import Vapor

/// A fever case as lists show it: who (masked), where, how hot, at which stage since when, and whether the next
/// step is late.
struct FeverCaseRow: Content {
    let id: UUID
    let communityId: UUID
    let communityName: String
    let checkpointName: String
    let nameMasked: String
    let temperature: String
    let stage: String
    let stageLabel: String
    let openedAt: String
    let since: String
    let waitMinutes: Int
    let late: Bool
    /// Minutes past the stage's limit (超时 N 分钟), counted from the limit, not from the stage's start.
    let lateMinutes: Int
    let room: String?
    /// Waiting for the health department's decision.
    let needsDecision: Bool
    let closed: Bool
}
