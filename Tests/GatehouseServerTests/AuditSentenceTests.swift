import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import XCTVapor

final class AuditSentenceTests: XCTestCase {
    /// Every route whose changes are logged says what it did in a sentence: a new route without a phrase fails here
    /// instead of showing a route pattern in the log.
    func testEveryAuditedRouteHasASentence() async throws {
        try await TestApp.run { app in
            let audited = app.routes.all.filter { [.POST, .PUT, .PATCH, .DELETE].contains($0.method) }
                .map { $0.path.map(\.description).joined(separator: "/") }
                .filter { !AuditChangesMiddleware.skipped.contains($0) && $0 != "r/:poster/:category" }
            XCTAssertGreaterThan(audited.count, 50)
            let missing = audited.filter { AuditPhrases.changes[AuditSentence.pattern(ofChange: "POST /\($0) → 303")] == nil }
            XCTAssertEqual(missing, [], "routes without a sentence in AuditPhrases.changes")
            for action in AuditAction.allCases where action != .change {
                XCTAssertNotNil(AuditPhrases.actions[action.rawValue], "\(action) has no sentence")
            }
        }
    }

    /// The log says "测试员（社区管理员）为 8栋1单元101室 下达居家隔离令", a reveal names whose data with the reason,
    /// and a police view names the case viewed — never a route or a code.
    func testTheLogReadsAsSentences() async throws {
        let clock = FixedWallClock(TestApp.today)
        try await TestApp.run(clock: clock) { app in
            let w = try await world(app)
            _ = try await householdPasses(app, w)
            let household = try await Household.query(on: app.db).filter(\.$label == "8栋1单元101室").first()!
            let office = WebClient(app)
            try await office.login("admin.a")
            try await office.get("/admin/households/\(household.id!.uuidString)")
            let made = try await office.post("/admin/households/\(household.id!.uuidString)/quarantine", [
                "startsOn": "2026-11-22", "endsOn": "2026-12-05", "reason": "密切接触者", "orderedBy": "区卫健委 王医生"])
            XCTAssertEqual(made.status, .seeOther, made.body.string)
            let resident = try await Resident.query(on: app.db).filter(\.$household.$id == household.id!).first()!
            let person = try await Person.find(resident.$person.id, on: app.db)!
            let revealed = try await office.post("/admin/households/\(household.id!.uuidString)/residents/\(resident.id!.uuidString)/reveal",
                                                 ["reason": "电话通知隔离安排"])
            XCTAssertLessThan(revealed.status.code, 400, revealed.body.string)

            let log = try await office.get("/admin/communities/\(w.g.f.communityA.id!.uuidString)/supervision").body.string
            XCTAssertTrue(log.contains("测试员（社区管理员）为 8栋1单元101室 下达居家隔离令"), log)
            XCTAssertTrue(log.contains("测试员（社区管理员）查看 \(person.nameMasked) 的完整身份信息"), log)
            XCTAssertTrue(log.contains("电话通知隔离安排"))
            XCTAssertTrue(log.contains("测试员（社区管理员）查看 8栋1单元101室 的住户信息"))
            XCTAssertFalse(log.contains("POST /"), "no route in the log")
            XCTAssertFalse(log.contains(":householdID"))

            try await office.get("/lang/en?back=/")
            let english = try await office.get("/admin/communities/\(w.g.f.communityA.id!.uuidString)/supervision").body.string
            XCTAssertTrue(english.contains("(Community admin) ordered home quarantine for 8栋1单元101室"), english)
        }
    }
}
