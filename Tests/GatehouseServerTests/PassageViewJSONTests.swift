import Foundation
import GatehouseCore
@testable import GatehouseServer
import Vapor
import XCTest

/// The passage answer written by hand is the JSON `JSONEncoder` writes with Vapor's settings.
final class PassageViewJSONTests: XCTestCase {
    private func passage(awaiting: Bool, withIDs: Bool, at time: Date) -> Passage {
        let p = Passage()
        p.id = UUID()
        p.communityID = UUID()
        p.$checkpoint.id = UUID()
        p.$operatorUser.id = UUID()
        p.$person.id = withIDs ? UUID() : nil
        p.householdID = withIDs ? UUID() : nil
        p.passID = withIDs ? UUID() : nil
        p.direction = .`in`; p.mode = "pass"
        p.readings = ReadingsCodec.encode([TemperatureReading(value: try! BodyTemperature(celsius: 37.6), takenAt: time),
                                           TemperatureReading(value: try! BodyTemperature(celsius: 36.0), takenAt: time + 300)])
        p.temperatureTenths = 376; p.status = .abnormal; p.decision = "refer"
        p.reasons = awaiting ? "fever_remeasure,no_mask" : ""
        p.wearsMask = !awaiting; p.awaitingRemeasure = awaiting
        p.nameMasked = "欧阳*\"引号\\"; p.phoneMasked = "138****0001"
        p.recordedAt = time; p.clientTime = withIDs ? time - 2.5 : nil
        p.clientRequestID = UUID(); p.updatedAt = time
        return p
    }

    private func object(_ data: Data) throws -> NSDictionary {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? NSDictionary)
    }

    func testTheHandWrittenAnswerIsWhatTheEncoderWrites() throws {
        let time = Date(timeIntervalSince1970: 1_795_305_659.987) // a fraction of a second is dropped, not rounded
        for (awaiting, withIDs) in [(true, true), (false, false), (true, false)] {
            for language in [Language.zh, .en] {
                let view = PassageView(passage(awaiting: awaiting, withIDs: withIDs, at: time).values, restSeconds: 300, language: language)
                let response = view.jsonResponse(.created)
                XCTAssertEqual(response.status, .created)
                XCTAssertEqual(response.headers.contentType, .json)
                let written = try object(Data(buffer: response.body.buffer!))
                let encoded = try object(try JSONEncoder.custom(dates: .iso8601).encode(view))
                XCTAssertEqual(written, encoded, "awaiting \(awaiting), ids \(withIDs), \(language)")
            }
        }
        XCTAssertEqual(JSONText.iso8601(time), "2026-11-22T00:00:59Z")
        XCTAssertEqual(JSONText.iso8601(Date(timeIntervalSince1970: 951_782_400)), "2000-02-29T00:00:00Z")
    }
}
