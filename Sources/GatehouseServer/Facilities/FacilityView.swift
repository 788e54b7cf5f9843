import Foundation
import GatehouseCore

/// A facility as pages show it: kind, status, since when and by whom.
struct FacilityView: Encodable {
    let id: UUID
    let name: String
    let kindLabel: String
    let status: String
    let statusLabel: String
    let since: String
    let changedBy: String
    let note: String?

    init(_ f: Facility, changedBy: String, now: Date, language: Language) {
        let lang = language.rawValue
        id = f.id!
        name = f.name
        kindLabel = (FacilityKind(rawValue: f.kind) ?? .other).label.text(for: lang)
        status = f.status
        statusLabel = (FacilityStatus(rawValue: f.status) ?? .closed).label.text(for: lang)
        since = ChinaTime.onScreen(f.statusSince, now: now)
        self.changedBy = changedBy
        note = f.note
    }
}
