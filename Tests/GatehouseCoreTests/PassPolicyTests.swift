import Foundation
import GatehouseCore
import XCTest

final class PassPolicyTests: XCTestCase {
    let now = Date(timeIntervalSince1970: 1_795_305_600) // 2026-11-22 08:00 CST
    func normal() -> [TemperatureReading] { [TemperatureReading(value: try! BodyTemperature(celsius: 36.5), takenAt: now)] }

    func testPassProblemsDenyWithTheirOwnReason() {
        for reason in [EntryReason.passRevoked, .passSuspended, .pass(.expired), .pass(.badSignature), .pass(.wrongCommunity)] {
            let out = EntryPolicy().decide(EntryRequest(direction: .in, standing: .registered, readings: normal(), wearsMask: true,
                                                        passRefusal: reason, now: now))
            XCTAssertEqual(out.decision, .deny)
            XCTAssertEqual(out.reasons, [reason])
        }
        XCTAssertEqual(EntryReason.pass(.badSignature).code, "pass_forged")
    }

    func testHomeQuarantineDeniesGoingOutOnly() {
        let out = EntryPolicy().decide(EntryRequest(direction: .out, standing: .registered, readings: normal(), wearsMask: true,
                                                    homeQuarantine: true, now: now))
        XCTAssertEqual(out.decision, .deny)
        XCTAssertEqual(out.reasons.map(\.code), ["home_quarantine"])
        let back = EntryPolicy().decide(EntryRequest(direction: .in, standing: .registered, readings: normal(), wearsMask: true,
                                                     homeQuarantine: true, now: now))
        XCTAssertEqual(back.decision, .allow)
    }

    func testOutingQuota() {
        let quota = OutingQuota(scope: .household, exits: 1, days: 2, fromHour: 8, toHour: 18)
        XCTAssertNil(quota.check(exitsInWindow: 0, now: now).refusal)
        XCTAssertEqual(quota.check(exitsInWindow: 0, now: now).remaining, 1)
        XCTAssertEqual(quota.check(exitsInWindow: 1, now: now).refusal?.code, "quota_used")
        XCTAssertEqual(quota.check(exitsInWindow: 0, now: now - 3600).refusal?.code, "outside_hours", "07:00 is before 08:00")
        XCTAssertEqual(quota.check(exitsInWindow: 0, now: now + 10 * 3600).refusal?.code, "outside_hours", "18:00 is closed")
        XCTAssertEqual(quota.windowStart(now: now), now - 2 * 86_400)
        XCTAssertTrue(EntryReason.quotaUsed(exits: 1, days: 2).message.zh.contains("每2天1次"))
        let out = EntryPolicy().decide(EntryRequest(direction: .out, standing: .registered, readings: normal(), wearsMask: true,
                                                    quotaRefusal: quota.check(exitsInWindow: 1, now: now).refusal, now: now))
        XCTAssertEqual(out.decision, .deny)
    }
}
