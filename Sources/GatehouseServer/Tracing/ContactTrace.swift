import Foundation
import Vapor

/// A contact trace: the traced person's passages and everyone who passed the same gate close to them (masked).
struct ContactTrace: Content {
    struct Line: Content {
        let time: String
        let communityName: String
        let checkpointName: String
        let direction: String
        let nameMasked: String
        let phoneMasked: String
        let householdLabel: String?
        let temperature: String
        let abnormal: Bool
        /// For a contact: minutes from the traced person's nearest passage at that gate.
        let minutesApart: Int?
    }

    let subjectMasked: String
    let days: Int
    let windowMinutes: Int
    let passages: [Line]
    let contacts: [Line]
}
