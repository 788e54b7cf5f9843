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
        /// For a contact: the index of its group in `groups`.
        var group: Int?

        func inGroup(_ index: Int) -> Line {
            var line = self
            line.group = index
            return line
        }
    }

    let subjectMasked: String
    let days: Int
    let windowMinutes: Int
    /// Windows that held more passages than a trace lists for one window (`ContactTracer.contactsPerWindow`): their
    /// contacts are the first ones only, and a narrower window finds the rest.
    let cappedWindows: Int
    let passages: [Line]
    /// In their groups' order, each naming its group.
    let contacts: [Line]
    let groups: [ContactGroup]
}
