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

    /// A volunteer without an account is kept on the staff roster (name, sealed phone, duty): trained on the training
    /// page beside the operators, given shifts at a gate, taken off the roster; another community's office cannot
    /// reach them, and a stand-down deletes them.
    func testVolunteersAreOnTheRosterWithTheirTrainingAndShifts() async throws {
        let clock = FixedWallClock(TestApp.today)
        try await TestApp.run(clock: clock) { app in
            let w = try await world(app)
            let office = WebClient(app)
            try await office.login("admin.a")
            let cid = w.g.f.communityA.id!.uuidString
            try await office.get("/admin/communities/\(cid)/staff-roster")
            let bad = try await office.post("/admin/communities/\(cid)/staff-roster", ["name": "", "phone": "123", "duty": ""])
            XCTAssertEqual(bad.status, .unprocessableEntity)
            for text in ["请输入姓名", "请填写岗位"] { XCTAssertTrue(bad.body.string.contains(text), text) }
            let added = try await office.post("/admin/communities/\(cid)/staff-roster", ["name": "王志愿", "phone": "13600001234", "duty": "测温"])
            XCTAssertEqual(added.status, .seeOther, added.body.string)
            let member = try await RosterMember.query(on: app.db).first()!
            XCTAssertFalse(member.nameSealed.contains("王志愿"), "sealed at rest")
            XCTAssertEqual(member.phoneMasked, "136****1234")
            var roster = try await office.get("/admin/communities/\(cid)/staff-roster").body.string
            XCTAssertTrue(roster.contains("王志愿") && roster.contains("尚未培训"), roster)
            XCTAssertFalse(roster.contains("13600001234"))

            let page = try await office.get("/admin/communities/\(cid)/training").body.string
            XCTAssertTrue(page.contains("member:\(member.id!.uuidString)") && page.contains("王志愿（名册）"), page)
            let trained = try await office.post("/admin/communities/\(cid)/training", ["staffId": "member:\(member.id!.uuidString)",
                "trainedOn": "2026-11-21", "trainer": "社区卫生服务中心 李医生", "thermometerModel": "额温枪 JXB-178"])
            XCTAssertEqual(trained.status, .seeOther, trained.body.string)
            let records = try await office.get("/admin/communities/\(cid)/training").body.string
            XCTAssertTrue(records.contains("王志愿（名册）</td><td>2026-11-21"), records)

            let noHours = try await office.post("/admin/communities/\(cid)/roster-shifts", ["memberId": member.id!.uuidString,
                "checkpointId": w.g.f.gateA.id!.uuidString, "day": "2026-11-22", "starts": "8", "ends": ""])
            XCTAssertEqual(noHours.status, .unprocessableEntity)
            XCTAssertTrue(noHours.body.string.contains("请填写上岗和下岗时间"))
            let foreignGate = try await office.post("/admin/communities/\(cid)/roster-shifts", ["memberId": member.id!.uuidString,
                "checkpointId": w.g.f.gateB.id!.uuidString, "day": "2026-11-22", "starts": "08:00", "ends": "14:00"])
            XCTAssertEqual(foreignGate.status, .unprocessableEntity, "another community's gate")
            let shift = try await office.post("/admin/communities/\(cid)/roster-shifts", ["memberId": member.id!.uuidString,
                "checkpointId": w.g.f.gateA.id!.uuidString, "day": "2026-11-22", "starts": "08:00", "ends": "14:00"])
            XCTAssertEqual(shift.status, .seeOther, shift.body.string)
            roster = try await office.get("/admin/communities/\(cid)/staff-roster").body.string
            XCTAssertTrue(roster.contains("2026-11-22 08:00–14:00 · 幸福北门") && roster.contains("最近培训 2026-11-21"), roster)

            let other = WebClient(app)
            try await other.login("admin.b")
            try await other.get("/admin/communities/\(w.g.f.communityB.id!.uuidString)/staff-roster")
            let foreign = try await other.post("/admin/roster-members/\(member.id!.uuidString)/leave", [:])
            XCTAssertEqual(foreign.status, .notFound)
            let left = try await office.post("/admin/roster-members/\(member.id!.uuidString)/leave", [:])
            XCTAssertEqual(left.status, .seeOther)
            roster = try await office.get("/admin/communities/\(cid)/staff-roster").body.string
            XCTAssertFalse(roster.contains("王志愿"))
            let kept = try await TrainingRecord.query(on: app.db).filter(\.$memberID == member.id!).count()
            XCTAssertEqual(kept, 1, "the training stays on record")

            _ = try await PersonalDataPurge(services: app.gatehouse, db: app.db).standDown(w.g.f.communityA, by: nil)
            let gone = try await RosterMember.query(on: app.db).count() + (try await RosterShift.query(on: app.db).count())
            XCTAssertEqual(gone, 0)
        }
    }
}
