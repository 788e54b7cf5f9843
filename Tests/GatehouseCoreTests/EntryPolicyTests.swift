import Foundation
import GatehouseCore
import XCTest

final class EntryPolicyTests: XCTestCase {
    let now = Date(timeIntervalSince1970: 1_795_305_600) // 2026-11-22 08:00 CST
    let policy = EntryPolicy()

    func reading(_ c: Double, minutesAgo: Double = 0) -> TemperatureReading {
        TemperatureReading(value: try! BodyTemperature(celsius: c), takenAt: now - minutesAgo * 60)
    }

    func testTemperatureRange() throws {
        XCTAssertEqual(try BodyTemperature(celsius: 36.6).tenths, 366)
        XCTAssertEqual(try BodyTemperature(celsius: 34.0).tenths, 340)
        XCTAssertEqual(try BodyTemperature(celsius: 42.5).tenths, 425)
        XCTAssertThrowsError(try BodyTemperature(celsius: 28.5)) { XCTAssertEqual($0 as? TemperatureError, .outOfRange) }
        XCTAssertThrowsError(try BodyTemperature(celsius: 43)) { XCTAssertEqual($0 as? TemperatureError, .outOfRange) }
        XCTAssertThrowsError(try BodyTemperature(celsius: 33.9))
        XCTAssertThrowsError(try BodyTemperature(celsius: 36.65)) { XCTAssertEqual($0 as? TemperatureError, .precision) }
        XCTAssertThrowsError(try BodyTemperature(celsius: .nan))
        XCTAssertEqual(try BodyTemperature(text: "３６.６℃").description, "36.6")
        XCTAssertEqual(try BodyTemperature(text: "37,3").tenths, 373)
        XCTAssertThrowsError(try BodyTemperature(text: "hot")) { XCTAssertEqual($0 as? TemperatureError, .notANumber) }
        XCTAssertTrue(TemperatureError.outOfRange.message.zh.contains("重新测量"))
    }

    func testNormalRegisteredMaskedPersonIsAllowed() {
        let out = policy.decide(EntryRequest(direction: .in, standing: .registered, readings: [reading(36.5)], wearsMask: true, now: now))
        XCTAssertEqual(out.decision, .allow)
        XCTAssertEqual(out.reasons, [])
        XCTAssertEqual(out.status, .normal)
    }

    func testFirstHighReadingAsksForARemeasureAfterTheRest() {
        let out = policy.decide(EntryRequest(direction: .in, standing: .registered, readings: [reading(37.3)], wearsMask: true, now: now))
        XCTAssertEqual(out.decision, .refer)
        XCTAssertEqual(out.reasons.map(\.code), ["remeasure_required"])
        XCTAssertEqual(out.fever, .remeasureRequired(after: now + 300))
        XCTAssertEqual(out.status, .abnormal)
    }

    func testTheRemeasureDecides() {
        let cleared = policy.decide(EntryRequest(direction: .in, standing: .registered,
                                                 readings: [reading(37.6, minutesAgo: 6), reading(36.9)], wearsMask: true, now: now))
        XCTAssertEqual(cleared.decision, .allow)
        XCTAssertEqual(cleared.status, .normal)
        let fever = policy.decide(EntryRequest(direction: .in, standing: .registered,
                                               readings: [reading(37.6, minutesAgo: 6), reading(37.8)], wearsMask: true, now: now))
        XCTAssertEqual(fever.decision, .refer)
        XCTAssertEqual(fever.reasons.map(\.code), ["fever"])
    }

    func testCommunityThresholdIsUsed() {
        let strict = EntryPolicy(feverRule: FeverRule(threshold: try! BodyTemperature(celsius: 37.0), restSeconds: 600))
        let out = strict.decide(EntryRequest(direction: .in, standing: .registered, readings: [reading(37.1)], wearsMask: true, now: now))
        XCTAssertEqual(out.fever, .remeasureRequired(after: now + 600))
        XCTAssertTrue(out.reasons[0].message.zh.contains("10分钟"))
        XCTAssertEqual(strict.feverRule.restRemaining(after: reading(37.1, minutesAgo: 4), now: now), 360)
    }

    func testNoMaskDeniesUntilMasked() {
        let out = policy.decide(EntryRequest(direction: .out, standing: .registered, readings: [reading(36.5)], wearsMask: false, now: now))
        XCTAssertEqual(out.decision, .deny)
        XCTAssertEqual(out.reasons.map(\.code), ["no_mask"])
    }

    func testFeverDominatesAMissingMask() {
        let out = policy.decide(EntryRequest(direction: .in, standing: .unregistered,
                                             readings: [reading(38, minutesAgo: 5), reading(38.2)], wearsMask: false, now: now))
        XCTAssertEqual(out.decision, .refer)
        XCTAssertEqual(out.reasons.map(\.code), ["fever", "no_mask", "not_registered"])
    }

    func testUnregisteredPersonIsRefusedEntryButMayLeave() {
        let entering = policy.decide(EntryRequest(direction: .in, standing: .unregistered, readings: [reading(36.5)], wearsMask: true, now: now))
        XCTAssertEqual(entering.decision, .deny)
        XCTAssertEqual(entering.reasons.map(\.code), ["not_registered"])
        let leaving = policy.decide(EntryRequest(direction: .out, standing: .unregistered, readings: [reading(36.5)], wearsMask: true, now: now))
        XCTAssertEqual(leaving.decision, .allow)
    }

    func testExpiredIDCardIsAWarningOnly() {
        let out = policy.decide(EntryRequest(direction: .in, standing: .registered, readings: [reading(36.5)], wearsMask: true,
                                             idCardValidUntil: CalendarDate(year: 2026, month: 11, day: 21), now: now))
        XCTAssertEqual(out.decision, .allow)
        XCTAssertEqual(out.reasons.map(\.code), ["id_card_expired"])
        XCTAssertTrue(out.reasons[0].isWarning)
        let valid = policy.decide(EntryRequest(direction: .in, standing: .registered, readings: [reading(36.5)], wearsMask: true,
                                               idCardValidUntil: CalendarDate(year: 2026, month: 11, day: 22), now: now))
        XCTAssertEqual(valid.reasons, [])
    }

    func testNoReadingIsNoPassage() {
        let out = policy.decide(EntryRequest(direction: .in, standing: .registered, readings: [], wearsMask: true, now: now))
        XCTAssertEqual(out.decision, .deny)
        XCTAssertEqual(out.reasons.map(\.code), ["no_temperature"])
    }
}
