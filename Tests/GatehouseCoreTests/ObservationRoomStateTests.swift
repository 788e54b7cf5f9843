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

/// 超时 N 分钟 counts from the step's limit, not from the stage's start.
struct FeverCaseWaitTests {
    let since = Date(timeIntervalSince1970: 1_795_305_600)

    @Test func lateMinutesCountFromTheLimit() {
        // In the observation room for 15 minutes at most: 31 minutes in is 16 minutes late.
        let wait = FeverCaseWait(stage: .inObservation, since: since, now: since + 31 * 60)
        #expect(wait.isLate && wait.minutes == 31 && wait.minutesLate == 16)
        let atTheLimit = FeverCaseWait(stage: .inObservation, since: since, now: since + 15 * 60 + 5)
        #expect(atTheLimit.isLate && atTheLimit.minutesLate == 1)
        let inTime = FeverCaseWait(stage: .inObservation, since: since, now: since + 14 * 60)
        #expect(!inTime.isLate && inTime.minutesLate == 0)
        #expect(FeverCaseWait(stage: .measured, since: since, now: since + 86_400).minutesLate == 0, "no limit, never late")
    }
}

/// A check-in at or over the community's threshold, or with any symptom, needs attention.
struct HealthConcernTests {
    @Test func theThresholdIsTheCommunitysAndAnySymptomCounts() throws {
        let standard = FeverRule.standard.threshold
        #expect(HealthConcern.needsAttention(temperatureTenths: 376, symptomCount: 0, threshold: standard))
        #expect(HealthConcern.needsAttention(temperatureTenths: 373, symptomCount: 0, threshold: standard))
        #expect(!HealthConcern.needsAttention(temperatureTenths: 372, symptomCount: 0, threshold: standard))
        #expect(HealthConcern.needsAttention(temperatureTenths: 365, symptomCount: 1, threshold: standard))
        #expect(!HealthConcern.needsAttention(temperatureTenths: 374, symptomCount: 0, threshold: try BodyTemperature(tenths: 375)))
    }
}
