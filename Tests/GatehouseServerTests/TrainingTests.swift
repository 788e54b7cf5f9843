import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import XCTVapor

final class TrainingTests: XCTestCase {
    func testTheOfficeRecordsTrainingOfItsOwnGateStaffOnly() async throws {
        try await TestApp.run { app in
            let w = try await world(app)
            let office = WebClient(app)
            try await office.login("admin.a")
            let path = "/admin/communities/\(w.g.f.communityA.id!.uuidString)/training"
            let page = try await office.get(path).body.string
            XCTAssertTrue(page.contains("吴保安"))
            XCTAssertFalse(page.contains("郑保安"), "another community's operator")
            let guardA = try await User.query(on: app.db).filter(\.$username == "guard.a").first()!
            let guardB = try await User.query(on: app.db).filter(\.$username == "guard.b").first()!
            let bad = try await office.post(path, ["userId": guardB.id!.uuidString, "trainedOn": "2026-12-01", "trainer": "", "thermometerModel": ""])
            XCTAssertEqual(bad.status, .unprocessableEntity)
            for text in ["请选择本社区的值守人员", "请选择培训日期", "请填写培训人", "请填写体温计型号"] {
                XCTAssertTrue(bad.body.string.contains(text), text)
            }
            let good = try await office.post(path, ["userId": guardA.id!.uuidString, "trainedOn": "2026-11-20", "trainer": "李医生",
                                                    "thermometerModel": "额温枪 HT-820"])
            XCTAssertEqual(good.status, .seeOther)
            let listed = try await office.get(path).body.string
            XCTAssertTrue(listed.contains("额温枪 HT-820") && listed.contains("2026-11-20"))
            let record = try await TrainingRecord.query(on: app.db).first()
            XCTAssertEqual(record?.userID, guardA.id)
            let other = WebClient(app)
            try await other.login("admin.b")
            let awaited1 = try await other.get(path).status
            XCTAssertEqual(awaited1, .notFound)
        }
    }
}
