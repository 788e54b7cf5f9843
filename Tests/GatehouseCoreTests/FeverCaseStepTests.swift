import Foundation
import GatehouseCore
import XCTest

final class FeverCaseStepTests: XCTestCase {
    private func step(_ from: FeverCaseStage, _ to: FeverCaseStage, subject: String? = nil, escort: String? = nil,
                      reason: String? = nil, temperature: Double? = nil) throws -> FeverCaseStep {
        try FeverCaseStep(from: from, to: to, subject: subject, escort: escort, releaseReason: reason,
                          temperature: temperature.map { try! BodyTemperature(celsius: $0) }, thresholdTenths: 373, note: nil)
    }

    func testStepsGoInOrderAndSayWhatTheyMust() throws {
        XCTAssertThrowsError(try step(.confirmed, .reported)) { XCTAssertEqual($0 as? FeverCaseStepError, .notNext(from: .confirmed)) }
        XCTAssertThrowsError(try step(.confirmed, .inObservation)) { XCTAssertEqual($0 as? FeverCaseStepError, .roomRequired) }
        XCTAssertEqual(try step(.confirmed, .inObservation, subject: " 北门留观室 ").subject, "北门留观室")
        XCTAssertThrowsError(try step(.reported, .transferred, subject: "市医院")) { XCTAssertEqual($0 as? FeverCaseStepError, .escortRequired) }
        XCTAssertThrowsError(try step(.reported, .released)) { XCTAssertEqual($0 as? FeverCaseStepError, .releaseReasonRequired) }
        XCTAssertThrowsError(try step(.reported, .released, reason: "normalAfterRemeasure", temperature: 37.3)) {
            XCTAssertEqual($0 as? FeverCaseStepError, .normalTemperatureRequired)
        }
        let normal = try step(.reported, .released, reason: "normalAfterRemeasure", temperature: 36.8)
        XCTAssertEqual(normal.temperatureTenths, 368)
        XCTAssertThrowsError(try step(.reported, .released, reason: "doctorDecision")) { XCTAssertEqual($0 as? FeverCaseStepError, .doctorRequired) }
        XCTAssertThrowsError(try step(.released, .disinfected)) { XCTAssertEqual($0 as? FeverCaseStepError, .agentRequired) }
        XCTAssertThrowsError(try step(.closed, .closed))
        XCTAssertThrowsError(try step(.confirmed, .inObservation, subject: String(repeating: "室", count: 61))) {
            XCTAssertEqual($0 as? FeverCaseStepError, .textTooLong)
        }
    }

    func testALateStepIsMeasuredFromTheStage() {
        let since = Date(timeIntervalSince1970: 1_795_305_600)
        XCTAssertFalse(FeverCaseWait(stage: .reported, since: since, now: since + 29 * 60).isLate)
        XCTAssertTrue(FeverCaseWait(stage: .reported, since: since, now: since + 30 * 60).isLate)
        XCTAssertEqual(FeverCaseWait(stage: .reported, since: since, now: since + 45 * 60).minutes, 45)
        XCTAssertFalse(FeverCaseWait(stage: .closed, since: since, now: since + 86_400).isLate)
        XCTAssertEqual(FeverCaseStage.reported.next, [.transferred, .released])
    }
}
