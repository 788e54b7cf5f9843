import Foundation
import Vapor

/// What the community admins' screens show when a fever is confirmed at a gate.
struct FeverAlert: Content {
    let feverCaseId: UUID
    let passageId: UUID
    let checkpointId: UUID
    let checkpointName: String
    let nameMasked: String
    let temperature: Double
    let at: Date
}
