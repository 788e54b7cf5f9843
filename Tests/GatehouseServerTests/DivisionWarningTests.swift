import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import XCTVapor

/// "行政区划代码不存在": an ID number whose division code exists in no year of GB/T 2260 is said at the gate (the look-up
/// and the passage's reasons, kept through a re-measure) and on import — a warning, never a refusal on its own.
final class DivisionWarningTests: XCTestCase {
    static let unknown = "999999198001010011"

    func testTheGateAndTheImportSayIt() async throws {
        try await TestApp.run { app in
            let w = try await world(app)
            let lookup = try await w.g.guardA.send(.POST, "/api/v1/people/lookup",
                                                   json: ["checkpointId": w.g.f.gateA.id!.uuidString, "idNumber": Self.unknown]).json()
            XCTAssertEqual(lookup["divisionKnown"] as? Bool, false)
            XCTAssertEqual(lookup["documentKind"] as? String, "residentIdentityCard")
            let made = try await w.g.guardA.send(.POST, "/api/v1/passages", json: w.g.body(36.5, id: Self.unknown, direction: "out")).json()
            let codes = (made["reasons"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
            XCTAssertEqual(codes, ["division_unknown"], "\(made)")
            XCTAssertEqual(made["decision"] as? String, "allow", "a warning only: going out is not refused for it")
            let known = try await w.g.guardA.send(.POST, "/api/v1/passages", json: w.g.body(36.5, direction: "out")).json()
            XCTAssertFalse((known["reasons"] as? [[String: Any]] ?? []).contains { $0["code"] as? String == "division_unknown" })

            let csv = "楼栋,单元,房号,姓名,身份证号\n8,1,101,张三,\(Self.unknown)\n8,1,102,李四,110105199003150025\n"
            let imported = try await upload(app, w.admin, w.g.f.communityA, csv).json()
            XCTAssertEqual(imported["ok"] as? Bool, true)
            let warnings = imported["warnings"] as? [[String: Any]] ?? []
            XCTAssertEqual(warnings.map { $0["line"] as? Int }, [2])
            XCTAssertTrue((warnings.first?["message"] as? String ?? "").hasPrefix("行政区划代码不存在"), "\(warnings)")
        }
    }
}
