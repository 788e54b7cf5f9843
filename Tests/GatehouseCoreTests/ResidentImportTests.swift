import GatehouseCore
import XCTest

final class ResidentImportTests: XCTestCase {
    let today = CalendarDate(year: 2026, month: 11, day: 22)!

    func testCSVQuotesLineEndsAndByteOrderMark() throws {
        let table = try CSVTable(parsing: "\u{FEFF}a,\"b,c\",\"say \"\"hi\"\"\"\r\n\r\n1,\"two\nlines\",3\n")
        XCTAssertEqual(table.records.map(\.fields), [["a", "b,c", "say \"hi\""], ["1", "two\nlines", "3"]])
        XCTAssertEqual(table.records.map(\.line), [1, 3])
        XCTAssertThrowsError(try CSVTable(parsing: "a,\"b\n1,2\n"))
        XCTAssertEqual(try CSVTable(parsing: CSVTable.render([["x,y", "q\""]])).records.map(\.fields), [["x,y", "q\""]])
    }

    func testTemplateImportsAsItIs() {
        let sheet = ResidentImportSheet(csv: ImportColumn.template, today: today)
        XCTAssertEqual(sheet.problems, [])
        XCTAssertEqual(sheet.rows.map(\.address.label), ["3栋2单元301室", "3栋2单元302室", "二组15号"])
        XCTAssertEqual(sheet.rows[1].category, .temporary)
        XCTAssertEqual(sheet.rows[1].stayUntil, CalendarDate(year: 2027, month: 6, day: 30))
        XCTAssertEqual(sheet.rows[1].landlordPhone?.value, "13700001111")
        XCTAssertEqual(sheet.rows[2].phone, nil)
    }

    func testEveryBadFieldIsReportedAndNothingIsKept() {
        let csv = """
        楼栋,单元,房号,姓名,身份证号,手机号,类别,暂住截止日期
        3,2,301,张三,11010519491231002X,13812348058,常住,
        3,2,,李四,110105194912310021,12345,暂住,
        3,2,303,王五,11010519491231002X,,外地,
        """
        let sheet = ResidentImportSheet(csv: csv, today: today)
        XCTAssertEqual(sheet.rows, [])
        let found = sheet.problems.map { "\($0.line):\($0.column ?? "")" }
        XCTAssertEqual(found, ["3:房号", "3:身份证号", "3:手机号", "3:暂住截止日期", "4:类别"])
        let duplicate = ResidentImportSheet(csv: "姓名,身份证号,楼栋,房号\n张三,11010519491231002X,1,1\n李四,11010519491231002x,1,2\n", today: today)
        XCTAssertEqual(duplicate.problems.map(\.line), [3])
        XCTAssertTrue(duplicate.problems[0].message.zh.contains("第2行"))
    }

    func testHeaderProblems() {
        XCTAssertEqual(ResidentImportSheet(csv: "", today: today).problems.count, 1)
        let missing = ResidentImportSheet(csv: "楼栋,房号,姓名,年龄\n1,1,张三,3\n", today: today)
        XCTAssertEqual(missing.problems.map { $0.column }, ["年龄", "身份证号"])
        XCTAssertEqual(ResidentImportSheet(csv: "name,idNumber,building,room\n", today: today).problems.first?.message.en,
                       "There are no rows under the header")
    }

    func testAddressesAndShortCodes() throws {
        XCTAssertEqual(try HouseholdAddress(building: "5号楼", room: "1202").label, "5号楼1202室")
        XCTAssertThrowsError(try HouseholdAddress(building: "5", room: "1", villageGroup: "二组")) {
            XCTAssertEqual($0 as? HouseholdAddressError, .mixed)
        }
        XCTAssertThrowsError(try HouseholdAddress(villageGroup: "二组")) {
            XCTAssertEqual($0 as? HouseholdAddressError, .groupAndNumberRequired)
        }
        let code = PassShortCode.random()
        XCTAssertEqual(code.value.count, 8)
        XCTAssertEqual(PassShortCode(typed: code.description.lowercased()), code)
        XCTAssertEqual(PassShortCode(typed: "oil2-3456")?.value, "01123456")
        XCTAssertNil(PassShortCode(typed: "ABCD-EFGU"))
        XCTAssertNil(PassShortCode(typed: "ABCDEFG"))
        XCTAssertEqual(ResidentCategory(text: "寄住"), .temporary)
        XCTAssertNil(ResidentCategory(text: "游客"))
    }
}
