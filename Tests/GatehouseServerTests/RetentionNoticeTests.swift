import Fluent
import Foundation
@testable import GatehouseServer
import XCTVapor

/// The retention period printed on the posters and the self-registration forms is the community's own setting.
final class RetentionNoticeTests: XCTestCase {
    func testPostersAndFormsSayTheCommunitysRetentionPeriod() async throws {
        try await TestApp.run { app in
            let w = try await world(app)
            let community = try await Community.find(w.g.f.communityA.id!, on: app.db)!
            community.retentionDays = 14
            try await community.save(on: app.db)
            let office = WebClient(app)
            try await office.login("admin.a")
            let poster = try await office.get("/admin/checkpoints/\(w.g.f.gateA.id!.uuidString)/poster").body.string
            XCTAssertTrue(poster.contains("保存 14 天后删除"), poster)
            let form = try await WebClient(app).get("/r/\(w.g.f.gateA.registrationCode!)/visitor").body.string
            XCTAssertTrue(form.contains("信息保存 14 天，到期删除"), form)
            XCTAssertFalse(form.contains("28天"))
        }
    }
}
