import GatehouseCore
import XCTest

final class CSVWriterTests: XCTestCase {
    func testCellsThatSpreadsheetsWouldRunAreMadeInert() {
        for cell in ["=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            XCTAssertEqual(CSVWriter.inert(cell), "'" + cell)
        }
        XCTAssertEqual(CSVWriter.inert("张三"), "张三")
        XCTAssertEqual(CSVWriter.inert(""), "")
        XCTAssertEqual(CSVWriter.line(["a", "b,c", "say \"hi\"", "=x"]), "a,\"b,c\",\"say \"\"hi\"\"\",'=x\r\n")
        XCTAssertEqual(CSVWriter.line(["two\r\nlines"]), "\"two\r\nlines\"\r\n")
    }
}
