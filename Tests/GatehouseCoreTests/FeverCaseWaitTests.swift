import Foundation
import GatehouseCore
import Testing

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
