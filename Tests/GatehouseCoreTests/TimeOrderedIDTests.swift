import Foundation
import GatehouseCore
import XCTest

final class TimeOrderedIDTests: XCTestCase {
    func testTheIdCarriesItsMillisecondVersionAndVariantAndSortsByTime() {
        let start = Date(timeIntervalSince1970: 1_795_305_600.123_9)
        let id = TimeOrderedID.make(at: start)
        XCTAssertEqual(id.uuidString.prefix(13), "01A2008D-747B", "48 bits of Unix milliseconds first")
        XCTAssertEqual(Array(id.uuidString)[14], "7", "version 7")
        XCTAssertTrue("89AB".contains(Array(id.uuidString)[19]), "RFC 9562 variant")
        XCTAssertEqual(TimeOrderedID.time(of: id), Date(timeIntervalSince1970: 1_795_305_600.123))
        XCTAssertNil(TimeOrderedID.time(of: UUID(uuidString: "E621E1F8-C36C-495A-93FC-0C247A3E6E5F")!), "not version 7")

        let ids = (0..<200).map { TimeOrderedID.make(at: start.addingTimeInterval(Double($0) * 0.001)) }
        XCTAssertEqual(ids.map(\.uuidString), ids.map(\.uuidString).sorted(), "text order is time order (SQLite stores text)")
        XCTAssertEqual(Set(ids).count, 200)
        let sameMillisecond = (0..<1000).map { _ in TimeOrderedID.make(at: start) }
        XCTAssertEqual(Set(sameMillisecond).count, 1000, "74 random bits keep ids of one millisecond apart")
    }
}
