import GatehouseCore
import XCTest

final class BodyTemperatureTextTests: XCTestCase {
    func testTenthsReadAsOneDecimalLikeTheFormatter() throws {
        for tenths in [-5, 0, 7, 340, 359, 365, 373, 400, 425] {
            XCTAssertEqual(BodyTemperature.text(tenths: tenths), String(format: "%.1f", Double(tenths) / 10), "\(tenths)")
        }
        XCTAssertEqual(try BodyTemperature(celsius: 37.3).description, "37.3")
    }
}
