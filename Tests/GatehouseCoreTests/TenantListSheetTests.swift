import Foundation
import GatehouseCore
import XCTest

/// An agency's tenant list speaks as a file: each problem names the line, the column and what to write there.
final class TenantListSheetTests: XCTestCase {
    private let today = CalendarDate(year: 2026, month: 11, day: 22)!
    private let header = "楼栋,单元,房号,村组,门牌号,姓名,身份证号,手机号,来源地代码,入住日期,退租日期,房东手机号\n"

    func testTheTemplateSpellsTheVillageGroupAsTheHouseholdTemplateDoes() {
        XCTAssertTrue(TenantListSheet.template.hasPrefix("楼栋,单元,房号,村组,门牌号"), TenantListSheet.template)
        let old = TenantListSheet(csv: header.replacingOccurrences(of: "村组", with: "组")
                                      + "8,1,102,,,马超,412821197910110010,13300007777,410102,2026-11-20,,13700001111\n", today: today)
        XCTAssertEqual(old.problems, [], "the old header 组 is read too")
    }

    func testEachCellSaysWhatIsWrongAsAFileWould() {
        let sheet = TenantListSheet(csv: header + "8,1,102,,,马超,412821197910110010,1380013,999999,2026-02-30,,1370000\n", today: today)
        let byColumn = Dictionary(uniqueKeysWithValues: sheet.problems.map { ($0.column ?? "", $0.message.zh) })
        XCTAssertEqual(byColumn["入住日期"], "日期「2026-02-30」无法识别或不存在，请写成 2026-11-01 的样式")
        XCTAssertEqual(byColumn["手机号"], "手机号「1380013」不正确：应为1开头的11位数字")
        XCTAssertEqual(byColumn["房东手机号"], "房东手机号「1370000」不正确：应为1开头的11位数字")
        XCTAssertEqual(byColumn["来源地代码"], "来源地代码「999999」不是现行的县级行政区划代码，请填写6位代码（如 410102）")
        XCTAssertFalse(sheet.problems.contains { $0.message.zh.contains("请选择") }, "no picker to choose from in a file")
        XCTAssertTrue(sheet.problems.allSatisfy { $0.line == 2 })
    }
}

/// Counts read right in both languages: "1 person", "3 people", "3人", "16 分钟".
final class CountedNounTests: XCTestCase {
    func testPluralsAndUnits() {
        XCTAssertEqual(CountedNoun.person.text(1, language: "en"), "1 person")
        XCTAssertEqual(CountedNoun.person.text(3, language: "en"), "3 people")
        XCTAssertEqual(CountedNoun.household.text(1, language: "en"), "1 household")
        XCTAssertEqual(CountedNoun.row.text(2, language: "en"), "2 rows")
        XCTAssertEqual(CountedNoun.person.text(3, language: "zh"), "3人")
        XCTAssertEqual(CountedNoun.minute.text(16, language: "zh"), "16 分钟")
        XCTAssertEqual(CountedNoun.minute.text(1, language: "en"), "1 min")
    }
}

/// An ID number whose division code exists in no year of GB/T 2260 is a warning on import and at the gate, never
/// silent, and never a refusal on its own.
final class UnknownDivisionTests: XCTestCase {
    private let today = CalendarDate(year: 2026, month: 11, day: 22)!

    func testTheImportWarnsAndStillImports() {
        let sheet = ResidentImportSheet(csv: "楼栋,单元,房号,姓名,身份证号\n8,1,101,张三,999999198001010011\n8,1,101,李四,110105198001010016\n",
                                        today: today)
        XCTAssertEqual(sheet.problems, [])
        XCTAssertEqual(sheet.rows.count, 2)
        XCTAssertEqual(sheet.warnings.map(\.line), [2])
        XCTAssertEqual(sheet.warnings.first?.column, "身份证号")
        XCTAssertTrue(sheet.warnings.first?.message.zh.hasPrefix("行政区划代码不存在") ?? false)
        let agency = TenantListSheet(csv: "楼栋,单元,房号,姓名,身份证号,手机号,来源地代码,入住日期,退租日期,房东手机号\n"
                                         + "8,1,102,马超,999999198001010011,13300007777,410102,2026-11-20,,13700001111\n", today: today)
        XCTAssertEqual(agency.problems, [])
        XCTAssertEqual(agency.rows.count, 1)
        XCTAssertEqual(agency.warnings.map(\.line), [2], "the agency's list warns too")
    }

    func testTheGateWarnsWithoutChangingTheDecision() throws {
        let unknown = try ResidentIDNumber("999999198001010011", today: today)
        XCTAssertTrue(DivisionCodes.bundled.isUnknownDivision(of: unknown))
        XCTAssertFalse(DivisionCodes.bundled.isUnknownDivision(of: try ResidentIDNumber("110105198001010016", today: today)))
        var request = EntryRequest(direction: .in, standing: .registered,
                                   readings: [TemperatureReading(value: try BodyTemperature(tenths: 365), takenAt: Date())],
                                   wearsMask: true, now: Date())
        request.divisionUnknown = true
        let outcome = EntryPolicy().decide(request)
        XCTAssertEqual(outcome.decision, .allow)
        XCTAssertEqual(outcome.reasons.map(\.code), ["division_unknown"])
        XCTAssertTrue(outcome.reasons[0].isWarning)
    }
}
