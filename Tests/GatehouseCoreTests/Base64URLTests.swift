import Foundation
import GatehouseCore
import XCTest

final class Base64URLTests: XCTestCase {
    func testEveryLengthRoundTripsAndMatchesFoundation() {
        var rng = SystemRandomNumberGenerator()
        for length in 0..<70 {
            let bytes = Data((0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) })
            let text = Base64URL.encode(bytes)
            XCTAssertFalse(text.contains("=") || text.contains("+") || text.contains("/"))
            XCTAssertEqual(Base64URL.decode(text), bytes, "length \(length)")
            let standard = bytes.base64EncodedString().replacingOccurrences(of: "=", with: "")
                .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            XCTAssertEqual(text, standard)
        }
    }

    func testAnythingElseIsRefused() {
        XCTAssertNil(Base64URL.decode("AB+C"), "standard alphabet")
        XCTAssertNil(Base64URL.decode("ABC="), "padding")
        XCTAssertNil(Base64URL.decode("AB C"), "space")
        XCTAssertNil(Base64URL.decode("ＡＢＣ"), "full-width letters")
        XCTAssertNil(Base64URL.decode("ABCDE"), "a length no bytes have")
        XCTAssertNil(Base64URL.decode("AB"), "bits left over that are not zero") // "AA" is one zero byte; "AB" is not canonical
        XCTAssertEqual(Base64URL.decode("AA"), Data([0]))
        XCTAssertEqual(Base64URL.decode(""), Data())
    }
}
