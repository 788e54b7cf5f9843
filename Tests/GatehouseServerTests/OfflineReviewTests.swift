import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import XCTVapor

/// 离线放行待复核: a passage the gate let through offline that the rules at sync would have refused is announced live
/// to the community and listed on its page with who took it, until an admin of the community marks it reviewed.
final class OfflineReviewTests: XCTestCase {
    func testAFlaggedPassageIsAnnouncedListedAndReviewedOnce() async throws {
        try await TestApp.run { app in
            let w = try await world(app)
            let passes = try await householdPasses(app, w)
            let token = try await token(w, passes["8栋1单元101室"]!)
            let revoked = try await w.admin.send(.POST, "/api/v1/passes/\(passes["8栋1单元101室"]!)/revoke")
            XCTAssertEqual(revoked.status, .ok)
            let notices = await app.live.subscribe(.community(w.g.f.communityA.id!), heartbeatSeconds: 3600)
            var item = w.g.body(36.5, id: nil)
            item["passCode"] = token
            item["takenAt"] = ISO8601DateFormatter().string(from: TestApp.today - 1800)
            item["offlineDecision"] = "allow"
            let results = try await w.g.guardA.send(.POST, "/api/v1/passages/batch", json: ["passages": [item]]).json()["results"] as? [[String: Any]]
            let id = try XCTUnwrap(results?.first?["id"] as? String)
            var types: [String] = []
            for await event in notices.stream {
                types.append(event.type)
                if event.type == "offline-review" {
                    XCTAssertFalse(event.json.contains("8栋"), "the notice names no one: \(event.json)")
                    break
                }
            }
            XCTAssertEqual(types, ["passage", "offline-review"])
            await app.live.unsubscribe(notices)

            let office = WebClient(app)
            try await office.login("admin.a")
            let community = "/admin/communities/\(w.g.f.communityA.id!.uuidString)"
            let page = try await office.get(community).body.string
            XCTAssertTrue(page.contains("id=\"offline-reviews\""))
            XCTAssertTrue(page.contains("data-passage=\"\(id.uppercased())\"") || page.contains("data-passage=\"\(id)\""))
            XCTAssertTrue(page.contains("吴保安"), "the operator is named, not their login")
            XCTAssertTrue(page.contains("通行证已作废"), "the server's reason is a sentence")

            let other = WebClient(app)
            try await other.login("admin.b")
            let stranger = try await other.post("/records/\(id)/reviewed", [:])
            XCTAssertEqual(stranger.status, .notFound, "another community's office cannot touch it")

            let done = try await office.post("/records/\(id)/reviewed", [:])
            XCTAssertEqual(done.status, .seeOther)
            XCTAssertTrue(done.headers.first(name: .location)?.hasSuffix("#offline-reviews") ?? false)
            let stored = try await Passage.find(UUID(uuidString: id)!, on: app.db)!
            XCTAssertEqual(stored.reviewedAt, TestApp.today)
            XCTAssertEqual(stored.decision, "allow", "the record keeps what the gate decided")
            XCTAssertEqual(stored.reviewDecision, "deny")
            let after = try await office.get(community).body.string
            XCTAssertFalse(after.contains("id=\"offline-reviews\""))
            let again = try await office.post("/records/\(id)/reviewed", [:])
            XCTAssertEqual(again.status, .seeOther, "twice is once")
        }
    }
}
