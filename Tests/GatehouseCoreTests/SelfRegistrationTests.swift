import Foundation
import GatehouseCore
import XCTest

final class SelfRegistrationTests: XCTestCase {
    let today = CalendarDate(year: 2026, month: 11, day: 22)!
    var form: SelfRegistrationForm { SelfRegistrationForm(today: today) }
    let base = ["name": "王五", "phone": "13912345678", "building": "3", "unit": "2", "room": "301"]

    func errors(_ r: Result<SelfRegistrationDetails, SelfRegistrationErrors>) -> [String: LocalizedText] {
        if case .failure(let e) = r { return e.messages }
        return [:]
    }

    func testEmptyFormNamesEveryMissingFieldOfTheCategory() {
        let tenant = errors(form.check(.tenant, values: [:]))
        XCTAssertEqual(Set(tenant.keys), ["name", "phone", "idNumber", "household", "origin", "moveIn", "landlordPhone"])
        let courier = errors(form.check(.courier, values: [:]))
        XCTAssertEqual(Set(courier.keys), ["name", "phone", "household", "platform"])
        XCTAssertTrue(courier["household"]!.zh.contains("收件"))
        let returnee = errors(form.check(.returnee, values: [:]))
        XCTAssertEqual(Set(returnee.keys), ["name", "phone", "idNumber", "household", "origin", "arrivalDate", "transport", "symptoms"])
    }

    func testNoCategoryAsksForATemperature() {
        for c in RegistrationCategory.allCases {
            XCTAssertFalse(c.fields.map(\.rawValue).contains { $0.lowercased().contains("temp") }, "\(c)")
            XCTAssertFalse(c.purpose.zh.isEmpty)
        }
    }

    func testVisitorMayOmitTheIDNumberButNotAWrongOne() throws {
        let ok = try form.check(.visitor, values: base).get()
        XCTAssertNil(ok.answers.idNumber)
        XCTAssertEqual(ok.answers.household?.label, "3栋2单元301室")
        let bad = errors(form.check(.visitor, values: base.merging(["idNumber": "110105194912310021"]) { $1 }))
        XCTAssertEqual(Array(bad.keys), ["idNumber"])
    }

    func testLandlinesAndTheTenantsOwnNumberAreRefused() {
        let landline = errors(form.check(.courier, values: base.merging(["phone": "010-62345678", "platform": "美团"]) { $1 }))
        XCTAssertTrue(landline["phone"]!.zh.contains("手机"))
        let tenant = base.merging(["idNumber": "11010519491231002X", "origin": "410102", "moveIn": "2026-11-01",
                                   "landlordPhone": "13912345678"]) { $1 }
        XCTAssertEqual(Array(errors(form.check(.tenant, values: tenant)).keys), ["landlordPhone"])
        let good = try? form.check(.tenant, values: tenant.merging(["landlordPhone": "13700001111", "moveOut": "2027-05-01"]) { $1 }).get()
        XCTAssertEqual(good?.answers.moveOut, CalendarDate(year: 2027, month: 5, day: 1))
        let early = tenant.merging(["landlordPhone": "13700001111", "moveIn": "2026-12-01", "moveOut": "2026-11-30"]) { $1 }
        XCTAssertEqual(Array(errors(form.check(.tenant, values: early)).keys), ["moveOut"])
    }

    func testOriginMustBeACountyOrACityWithoutCounties() {
        XCTAssertTrue(form.isSelectableOrigin("410102"))   // 郑州市中原区
        XCTAssertFalse(form.isSelectableOrigin("410100"))  // 郑州市 has counties
        XCTAssertFalse(form.isSelectableOrigin("410000"))  // a province
        XCTAssertFalse(form.isSelectableOrigin("999999"))
        XCTAssertFalse(form.isSelectableOrigin("41010"))
    }

    func testReturneeTransportAndSymptoms() throws {
        var v = base.merging(["idNumber": "11010519491231002X", "origin": "420106", "arrivalDate": "2026-11-22",
                              "transport": "train"]) { $1 }
        XCTAssertEqual(Set(errors(form.check(.returnee, values: v, symptoms: ["none"])).keys), ["transportNumber"])
        v["transportNumber"] = "g 1234"
        XCTAssertEqual(try form.check(.returnee, values: v, symptoms: ["none"]).get().answers.transportNumber, "G1234")
        XCTAssertEqual(Array(errors(form.check(.returnee, values: v, symptoms: [])).keys), ["symptoms"])
        XCTAssertEqual(Array(errors(form.check(.returnee, values: v, symptoms: ["none", "cough"])).keys), ["symptoms"])
        XCTAssertEqual(try form.check(.returnee, values: v, symptoms: ["cough", "fever"]).get().answers.symptoms, [.cough, .fever])
        v["arrivalDate"] = "2026-11-23"
        XCTAssertEqual(Array(errors(form.check(.returnee, values: v, symptoms: ["none"])).keys), ["arrivalDate"])
        v["arrivalDate"] = "2026-10-01"
        XCTAssertEqual(Array(errors(form.check(.returnee, values: v, symptoms: ["none"])).keys), ["arrivalDate"])
    }

    func testRegistrationCodes() {
        XCTAssertEqual(RegistrationCode(parsing: " 123 456 ")?.value, "123456")
        XCTAssertNil(RegistrationCode(parsing: "12345"))
        XCTAssertNil(RegistrationCode(parsing: "１２３４５６"))
        XCTAssertNil(RegistrationCode(parsing: "12345a"))
        for _ in 0..<100 { XCTAssertNotEqual(RegistrationCode.random().value.first, "0") }
    }

    func testPickupWindowsSpreadHouseholds() {
        let planner = PickupWindowPlanner(minutes: 30, capacity: 2)
        let logged = Date(timeIntervalSince1970: 1_795_305_600 + 10 * 60) // 08:10 CST
        let first = planner.window(loggedAt: logged, booked: [:])
        XCTAssertEqual(first.start, Date(timeIntervalSince1970: 1_795_305_600 + 30 * 60))
        XCTAssertEqual(first.duration, 1800)
        let full = planner.window(loggedAt: logged, booked: [first.start: 2])
        XCTAssertEqual(full.start, first.start + 1800)
        let onBoundary = planner.window(loggedAt: first.start, booked: [:])
        XCTAssertEqual(onBoundary.start, first.start)
    }

    func testCategoriesAtTheGate() {
        let now = Date(timeIntervalSince1970: 1_795_305_600)
        let normal = [TemperatureReading(value: try! BodyTemperature(celsius: 36.5), takenAt: now)]
        func decide(_ s: EntryRequest.Standing, _ d: Direction) -> EntryOutcome {
            EntryPolicy().decide(EntryRequest(direction: d, standing: s, readings: normal, wearsMask: true, now: now))
        }
        XCTAssertEqual(decide(.courier, .in).decision, .deny)
        XCTAssertEqual(decide(.courier, .out).decision, .deny)
        XCTAssertEqual(decide(.courier, .in).reasons.map(\.code), ["courier_no_entry"])
        XCTAssertEqual(decide(.visitorWithoutHost, .in).reasons.map(\.code), ["visitor_needs_host"])
        XCTAssertEqual(decide(.visitorWithoutHost, .out).decision, .allow)
        XCTAssertEqual(decide(.visitorEscorted, .in).decision, .allow)
        XCTAssertEqual(decide(.visitorEscorted, .in).reasons.map(\.code), ["visitor_escorted"])
        XCTAssertEqual(decide(.visitOver, .in).decision, .deny)
        XCTAssertEqual(decide(.visitingQuarantinedHousehold, .in).reasons.map(\.code), ["visit_household_quarantined"])
        XCTAssertEqual(decide(.visitingQuarantinedHousehold, .out).decision, .allow)
        XCTAssertEqual(decide(.awaitingConfirmation, .in).reasons.map(\.code), ["awaiting_confirmation"])
        XCTAssertEqual(decide(.awaitingConfirmation, .out).decision, .allow)
    }
}

final class ReturneeMonitoringTests: XCTestCase {
    func testMissedDaysDueTodayAndTheEnd() {
        let arrival = CalendarDate(year: 2026, month: 11, day: 20)!
        let until = arrival.adding(days: 14)
        let d = { (n: Int) in arrival.adding(days: n) }
        let early = ReturneeMonitoring(arrival: arrival, until: until, checkedIn: [], today: arrival)
        XCTAssertEqual(early.missed, [])
        XCTAssertFalse(early.dueToday, "the arrival report is that day's check")
        let later = ReturneeMonitoring(arrival: arrival, until: until, checkedIn: [d(1)], today: d(4))
        XCTAssertEqual(later.missed, [d(2), d(3)])
        XCTAssertTrue(later.dueToday)
        let over = ReturneeMonitoring(arrival: arrival, until: until, checkedIn: Set((1...14).map(d)), today: d(15))
        XCTAssertEqual(over.missed, [])
        XCTAssertFalse(over.dueToday)
        XCTAssertTrue(over.isOver)
    }
}
