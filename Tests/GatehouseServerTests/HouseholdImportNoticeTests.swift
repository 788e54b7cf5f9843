import Foundation
@testable import GatehouseServer
import XCTVapor

/// What an import did is said on the reloaded list until the office dismisses it; only the four counts are read.
final class HouseholdImportNoticeTests: XCTestCase {
    func testTheImportsSummaryStaysOnTheListAndNothingElseIsRead() async throws {
        try await TestApp.run { app in
            let w = try await world(app)
            let office = WebClient(app)
            try await office.login("admin.a")
            let list = "/admin/communities/\(w.g.f.communityA.id!.uuidString)/households"
            let done = try await office.get(list + "?imported=3-1-2-0").body.string
            XCTAssertTrue(done.contains("导入完成：共3行，新增住户1户，新增人员2人，更新0人"), done)
            XCTAssertTrue(done.contains("id=\"import-done-dismiss\""))
            for junk in ["3-1-2", "%3Cb%3Ex%3C%2Fb%3E", "1-2-3-4-5"] {
                let page = try await office.get(list + "?imported=" + junk).body.string
                XCTAssertFalse(page.contains("id=\"import-done\""), junk)
            }
        }
    }
}
