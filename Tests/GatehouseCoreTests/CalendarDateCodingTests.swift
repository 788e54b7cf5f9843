import Foundation
import GatehouseCore
import Testing

/// A date travels as its `yyyy-MM-dd` text: that is what the API documents and what the database columns hold.
@Suite struct CalendarDateCodingTests {
    @Test func encodesAsItsText() throws {
        let date = try #require(CalendarDate(year: 2026, month: 12, day: 4))
        let json = try JSONEncoder().encode(["endsOn": date])
        #expect(String(decoding: json, as: UTF8.self) == #"{"endsOn":"2026-12-04"}"#)
    }

    @Test func decodesTheTextItWrites() throws {
        let decoded = try JSONDecoder().decode([String: CalendarDate].self, from: Data(#"{"d":"2027-02-28"}"#.utf8))
        #expect(decoded["d"] == CalendarDate(year: 2027, month: 2, day: 28))
    }

    @Test func refusesADayThatDoesNotExist() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([String: CalendarDate].self, from: Data(#"{"d":"2027-02-29"}"#.utf8))
        }
    }

    @Test func theTextSortsAsTheDate() throws {
        let dates = [(2026, 12, 31), (2027, 1, 2), (2026, 2, 9)].compactMap { CalendarDate(year: $0.0, month: $0.1, day: $0.2) }
        #expect(dates.sorted().map(\.description) == dates.map(\.description).sorted())
    }
}
