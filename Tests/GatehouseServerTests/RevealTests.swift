import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import VaporTesting
import XCTVapor

final class RevealTests: XCTestCase {
    func testFullDataOnlyAfterAReasonAndEveryRevealIsAudited() async throws {
        try await TestApp.run { app in
            let w = try await world(app)
            _ = try await householdPasses(app, w)
            let household = try await Household.query(on: app.db).filter(\.$label == "8栋1单元101室").first()!
            let hid = household.id!.uuidString
            let zhang = try await Resident.query(on: app.db).filter(\.$household.$id == household.id!).sort(\.$createdAt).first()!
            let path = "/admin/households/\(hid)/residents/\(zhang.id!.uuidString)/reveal"
            let office = WebClient(app)
            try await office.login("admin.a")
            let page = try await office.get("/admin/households/\(hid)").body.string
            XCTAssertFalse(page.contains("110105198001010016"), "lists mask")
            let noReason = try await office.post(path, ["reason": " "])
            XCTAssertEqual(noReason.status, .unprocessableEntity)
            XCTAssertTrue(noReason.body.string.contains("请写明查看完整信息的事由"))
            XCTAssertFalse(noReason.body.string.contains("110105198001010016"))
            try await office.get("/admin/households/\(hid)")
            let shown = try await office.post(path, ["reason": "核对租户身份"])
            XCTAssertEqual(shown.status, .ok)
            XCTAssertTrue(shown.body.string.contains("110105198001010016"))
            XCTAssertTrue(shown.body.string.contains("13812340001"))
            let audits = try await AuditEvent.query(on: app.db).filter(\.$action == "reveal").all()
            XCTAssertEqual(audits.count, 1)
            XCTAssertEqual(audits.first?.reason, "核对租户身份")
            XCTAssertFalse(audits.first?.detail.contains("110105") ?? true)
            let changes = try await AuditEvent.query(on: app.db).filter(\.$action == "change").all().filter { $0.detail.contains("reveal") }
            XCTAssertEqual(changes.count, 0, "logged once, as a reveal")

            let other = WebClient(app)
            try await other.login("admin.b")
            let awaited = try await other.post(path, ["reason": "核对租户身份"]).status
            XCTAssertTrue([.forbidden, .notFound].contains(awaited))
        }
    }
}
