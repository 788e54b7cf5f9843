import Foundation
import GatehouseCore

/// A schedule as pages show it: where, how often, last done, next due, overdue.
struct DisinfectionScheduleView: Encodable {
    let id: UUID
    let name: String
    let placeLabel: String
    let checkpointName: String?
    let intervalMinutes: Int
    let lastDone: String?
    let due: String
    let overdue: Bool
    let minutesLate: Int

    init(_ s: DisinfectionSchedule, checkpointName: String?, now: Date, language: Language) {
        let due = DisinfectionDue(intervalMinutes: s.intervalMinutes, createdAt: s.createdAt, lastDone: s.lastDoneAt, lastUsed: s.lastUsedAt, now: now)
        id = s.id!
        name = s.name
        placeLabel = (DisinfectionPlace(rawValue: s.place) ?? .other).label.text(for: language.rawValue)
        self.checkpointName = checkpointName
        intervalMinutes = s.intervalMinutes
        lastDone = s.lastDoneAt.map { ChinaTime.text($0, "MM-dd HH:mm") }
        self.due = ChinaTime.text(due.due, "MM-dd HH:mm")
        overdue = due.isOverdue
        minutesLate = due.minutesLate
    }
}
