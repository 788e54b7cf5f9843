import Fluent
import Foundation
import GatehouseCore
import SQLKit

/// Whether each of a community's observation rooms can take the next person (`ObservationRoomState`): occupied by a
/// fever case that holds it, waiting for disinfection since its last use, or available.
struct ObservationRooms {
    let db: any Database

    private static let holding = FeverCaseStage.allCases.filter(ObservationRoomState.holdsTheRoom).map(\.rawValue)

    /// The state of each observation room among `rooms` (one query for the cases in them).
    func states(_ rooms: [DisinfectionSchedule]) async throws -> [UUID: ObservationRoomState] {
        let ids = rooms.filter { $0.place == DisinfectionPlace.observationRoom.rawValue }.compactMap(\.id)
        guard !ids.isEmpty else { return [:] }
        let cases = try await FeverCase.query(on: db).filter(\.$roomScheduleID ~~ ids.map(Optional.some))
            .filter(\.$status ~~ Self.holding).all()
        let occupied = Set(cases.compactMap(\.roomScheduleID))
        return Dictionary(uniqueKeysWithValues: rooms.compactMap { room -> (UUID, ObservationRoomState)? in
            guard let id = room.id, ids.contains(id) else { return nil }
            return (id, ObservationRoomState(occupied: occupied.contains(id), lastUsed: room.lastUsedAt, lastDisinfected: room.lastDoneAt))
        })
    }

    /// The room's state inside a write transaction, its row locked first (a no-op UPDATE: PostgreSQL holds the row
    /// until the commit, SQLite has one writer), so that two people taking cases into one room at the same moment
    /// are served one after the other and the second is refused. `excluding` leaves the case taking the step out.
    static func lockedState(of room: DisinfectionSchedule, excluding caseID: UUID?, on tx: any Database) async throws -> ObservationRoomState {
        guard let id = room.id else { return .available }
        try await (tx as! any SQLDatabase).raw("UPDATE disinfection_schedules SET last_used_at = last_used_at WHERE id = \(bind: id)").run()
        let fresh = try await DisinfectionSchedule.find(id, on: tx) ?? room
        var inRoom = FeverCase.query(on: tx).filter(\.$roomScheduleID == id).filter(\.$status ~~ holding)
        if let caseID { inRoom = inRoom.filter(\.$id != caseID) }
        return ObservationRoomState(occupied: try await inRoom.count() > 0, lastUsed: fresh.lastUsedAt, lastDisinfected: fresh.lastDoneAt)
    }
}
