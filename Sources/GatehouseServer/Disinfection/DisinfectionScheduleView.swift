import Foundation
import GatehouseCore

/// A schedule as pages show it: where, how often, last done, next due, overdue.
struct DisinfectionScheduleView: Encodable {
    let id: UUID
    let name: String
    let placeLabel: String
    let checkpointName: String?
    /// The gate's id as the edit form's select names it (empty for the whole community).
    let checkpointId: String
    let intervalMinutes: Int
    let lastDone: String?
    let due: String
    let overdue: Bool
    let minutesLate: Int
    /// An observation room's state (`occupied`, `awaitingDisinfection`, `available`) and its label.
    let roomState: String?
    let roomStateLabel: String?

    init(_ s: DisinfectionSchedule, checkpointName: String?, room: ObservationRoomState? = nil, now: Date, language: Language) {
        let due = DisinfectionDue(intervalMinutes: s.intervalMinutes, createdAt: s.createdAt, lastDone: s.lastDoneAt, lastUsed: s.lastUsedAt, now: now)
        id = s.id!
        name = s.name
        placeLabel = (DisinfectionPlace(rawValue: s.place) ?? .other).label.text(for: language.rawValue)
        self.checkpointName = checkpointName
        checkpointId = s.checkpointID?.uuidString ?? ""
        intervalMinutes = s.intervalMinutes
        lastDone = s.lastDoneAt.map { ChinaTime.onScreen($0, now: now) }
        self.due = ChinaTime.onScreen(due.due, now: now)
        // A room with someone inside waits for them to leave: it is not late.
        overdue = due.isOverdue && room != .occupied
        minutesLate = overdue ? due.minutesLate : 0
        roomState = room?.rawValue
        roomStateLabel = room?.label.text(for: language.rawValue)
    }
}
