import Foundation
import GatehouseCore
import XCTest

/// A guard never reads a code: every reason the gate can give is a sentence in both languages.
final class EntryReasonCatalogTests: XCTestCase {
    func testEveryReasonIsASentenceInBothLanguagesNotItsCode() {
        let quota = OutingQuota(scope: .household, exits: 1, days: 2, fromHour: 8, toHour: 18)
        for reasons in [EntryReason.catalog(restSeconds: 300, quota: quota), EntryReason.catalog(restSeconds: 0, quota: nil)] {
            XCTAssertEqual(Set(reasons.map(\.code)).count, reasons.count, "one reason per code")
            for r in reasons {
                XCTAssertNotEqual(r.message.zh, r.code, r.code)
                XCTAssertNotEqual(r.message.en, r.code, r.code)
                XCTAssertFalse(r.message.zh.contains("_"), "\(r.code): \(r.message.zh)")
                XCTAssertFalse(r.message.en.contains("_"), "\(r.code): \(r.message.en)")
                XCTAssertGreaterThan(r.message.zh.count, 4, r.code)
            }
        }
    }

    func testEveryReasonThePolicyGivesIsInTheCatalog() {
        let now = Date()
        let codes = Set(EntryReason.catalog(restSeconds: 300, quota: nil).map(\.code))
        let standings: [EntryRequest.Standing] = [.registered, .unregistered, .visitorWithoutHost, .visitorEscorted, .visitOver,
                                                  .visitingQuarantinedHousehold, .courier, .awaitingConfirmation,
                                                  .proposed(admitted: true), .proposed(admitted: false)]
        for standing in standings {
            for direction in [Direction.in, .out] {
                for tenths in [365, 380] {
                    let out = EntryPolicy().decide(EntryRequest(
                        direction: direction, standing: standing,
                        readings: [TemperatureReading(value: try! BodyTemperature(tenths: tenths), takenAt: now)], wearsMask: false,
                        idCardValidUntil: CalendarDate(now).adding(days: -1), passRefusal: .passRevoked, homeQuarantine: true,
                        quotaRefusal: .quotaUsed(exits: 1, days: 2), now: now))
                    for reason in out.reasons { XCTAssertTrue(codes.contains(reason.code), reason.code) }
                }
            }
        }
    }

    func testAnUnknownStoredCodeStillReadsAsASentence() {
        let r = EntryReason.known("something_new", restSeconds: 300, quota: nil)
        XCTAssertNotEqual(r.message.zh, "something_new")
        XCTAssertEqual(EntryReason.known("courier_no_entry", restSeconds: 300, quota: nil).message, EntryReason.courierNoEntry.message)
    }
}
