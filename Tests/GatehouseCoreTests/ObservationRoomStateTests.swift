import Foundation
import GatehouseCore
import Testing

/// One person at a time, disinfected between two.
struct ObservationRoomStateTests {
    let t = Date(timeIntervalSince1970: 1_795_305_600)

    @Test func aRoomIsInUseWhileSomeoneIsInItWhateverItsDisinfection() {
        #expect(ObservationRoomState(occupied: true, lastUsed: nil, lastDisinfected: nil) == .occupied)
        #expect(ObservationRoomState(occupied: true, lastUsed: t, lastDisinfected: t + 60) == .occupied)
        #expect(ObservationRoomState.occupied.admissionRefusal?.code == "room_occupied")
        #expect(ObservationRoomState.occupied.disinfectionRefusal?.code == "room_in_use")
    }

    @Test func aRoomLeftAndNotDisinfectedSinceWaitsForIt() {
        #expect(ObservationRoomState(occupied: false, lastUsed: t, lastDisinfected: nil) == .awaitingDisinfection)
        #expect(ObservationRoomState(occupied: false, lastUsed: t, lastDisinfected: t - 60) == .awaitingDisinfection)
        #expect(ObservationRoomState.awaitingDisinfection.admissionRefusal?.code == "room_not_disinfected")
        #expect(ObservationRoomState.awaitingDisinfection.disinfectionRefusal == nil)
    }

    @Test func aRoomDisinfectedSinceItsLastUseOrNeverUsedIsAvailable() {
        #expect(ObservationRoomState(occupied: false, lastUsed: t, lastDisinfected: t) == .available)
        #expect(ObservationRoomState(occupied: false, lastUsed: t, lastDisinfected: t + 60) == .available)
        #expect(ObservationRoomState(occupied: false, lastUsed: nil, lastDisinfected: nil) == .available)
        #expect(ObservationRoomState.available.admissionRefusal == nil)
    }

    @Test func aCaseHoldsItsRoomFromObservationUntilTheDecision() {
        let holding = FeverCaseStage.allCases.filter(ObservationRoomState.holdsTheRoom)
        #expect(holding == [.inObservation, .reported])
    }

    @Test func everyRefusalIsASentence() {
        for state in ObservationRoomState.allCases {
            for reason in [state.admissionRefusal, state.disinfectionRefusal].compactMap({ $0 }) {
                #expect(reason.message.zh != reason.code && reason.message.zh.count > 10)
            }
        }
    }
}
