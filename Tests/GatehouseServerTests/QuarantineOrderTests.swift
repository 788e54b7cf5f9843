import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import XCTVapor

final class QuarantineOrderTests: XCTestCase {
    private func codes(_ json: [String: Any]) -> [String] {
        (json["reasons"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
    }

    func testAnOrderKeepsMembersInUntilItEndsByItself() async throws {
        let clock = FixedWallClock(TestApp.today) // 2026-11-22 08:00 China
        try await TestApp.run(clock: clock) { app in
            let w = try await world(app)
            let passes = try await householdPasses(app, w)
            let household = try await Household.query(on: app.db).filter(\.$label == "8栋1单元101室").first()!
            let hid = household.id!.uuidString
            let office = WebClient(app)
            try await office.login("admin.a")
            try await office.get("/admin/households/\(hid)")
            let order = ["startsOn": "2026-11-22", "endsOn": "2026-11-24", "reason": "密切接触者", "orderedBy": "区卫健委 王医生"]

            // Each mistake has its own message and nothing is stored.
            var bad = order
            bad["endsOn"] = "2026-11-20"
            var refused = try await office.post("/admin/households/\(hid)/quarantine", bad)
            XCTAssertEqual(refused.status, .unprocessableEntity)
            XCTAssertTrue(refused.body.string.contains("结束日期不能早于开始日期"))
            bad = order
            bad["reason"] = " "
            refused = try await office.post("/admin/households/\(hid)/quarantine", bad)
            XCTAssertTrue(refused.body.string.contains("请填写隔离原因"))
            let none = try await QuarantineOrder.query(on: app.db).count()
            XCTAssertEqual(none, 0)

            // Three days is shorter than the community's 14: the office confirms it is meant.
            let unconfirmed = try await office.post("/admin/households/\(hid)/quarantine", order)
            XCTAssertEqual(unconfirmed.status, .unprocessableEntity)
            XCTAssertTrue(unconfirmed.body.string.contains("隔离期只有 3 天，短于本社区规定的最少 14 天"), unconfirmed.body.string)
            var confirmed = order
            confirmed["confirmShort"] = "1"
            let made = try await office.post("/admin/households/\(hid)/quarantine", confirmed)
            XCTAssertEqual(made.status, .seeOther, made.body.string)
            let again = try await office.post("/admin/households/\(hid)/quarantine", confirmed)
            XCTAssertEqual(again.status, .conflict)
            let flagged = try await Household.find(household.id, on: app.db)!.homeQuarantine
            XCTAssertTrue(flagged)

            // At the gate the scan says until when and why; going out is refused, coming home is not.
            let pass = passes["8栋1单元101室"]!
            let shortCode = try await w.admin.send(.GET, "/api/v1/passes/\(pass)").json()["shortCode"] as! String
            let scan = try await w.g.guardA.send(.POST, "/api/v1/passes/scan", json: ["checkpointId": w.g.f.gateA.id!.uuidString, "code": shortCode]).json()
            XCTAssertEqual(scan["quarantineNotice"] as? String, "居家隔离至11-24（密切接触者），不得外出")
            var out = w.g.body(36.5, id: nil, direction: "out")
            out["passCode"] = shortCode
            let denied = try await w.g.guardA.send(.POST, "/api/v1/passages", json: out).json()
            XCTAssertEqual(codes(denied), ["home_quarantine"])
            let lookup = try await w.g.guardA.send(.POST, "/api/v1/people/lookup",
                                                   json: ["checkpointId": w.g.f.gateA.id!.uuidString, "idNumber": "110105198001010016"]).json()
            XCTAssertEqual(lookup["quarantineNotice"] as? String, "居家隔离至11-24（密切接触者），不得外出")

            // Twice-daily reports by the health worker: morning now, afternoon later; a round once.
            try await w.g.f.account(app, "health.a", .health, subdistrict: w.g.f.subA)
            let health = WebClient(app)
            try await health.login("health.a")
            let board = "/admin/communities/\(w.g.f.communityA.id!.uuidString)/quarantine"
            var page = try await health.get(board).body.string
            XCTAssertTrue(page.contains("8栋1单元101室"), page)
            XCTAssertTrue(page.contains("round-form"))
            let saved = try await QuarantineOrder.query(on: app.db).first()!
            let members = try await Resident.query(on: app.db).filter(\.$household.$id == household.id!).all()
            XCTAssertEqual(members.count, 2)
            let report = "/admin/quarantine-orders/\(saved.id!.uuidString)/reports"
            let badReport = try await health.post(report, ["residentId": members[0].id!.uuidString, "temperature": "36.6"])
            XCTAssertEqual(badReport.status, .unprocessableEntity, "symptoms (or none) are required")
            for m in members {
                let r = try await health.post(report, ["residentId": m.id!.uuidString, "temperature": "36.6", "symptoms[]": "none",
                                                       "note": "电话随访正常"])
                XCTAssertEqual(r.status, .seeOther, r.body.string)
            }
            let reported = try await health.get(board).body.string
            XCTAssertTrue(reported.contains("36.6℃ 无症状（电话随访正常）"), "the report's note is shown")
            let twice = try await health.post(report, ["residentId": members[0].id!.uuidString, "temperature": "36.6", "symptoms[]": "none"])
            XCTAssertEqual(twice.status, .conflict)
            let stranger = try await Resident.query(on: app.db).filter(\.$household.$id != household.id!).first()!
            let notMember = try await health.post(report, ["residentId": stranger.id!.uuidString, "temperature": "36.6", "symptoms[]": "none"])
            XCTAssertEqual(notMember.status, .unprocessableEntity)

            // 11-23 15:00: the afternoon of 11-22 and the morning of 11-23 were missed by both members.
            clock.advance(by: 31 * 3600)
            page = try await health.get(board).body.string
            XCTAssertTrue(page.contains("data-missed=\"4\""), page)
            let community = try await office.get("/admin/communities/\(w.g.f.communityA.id!.uuidString)").body.string
            XCTAssertTrue(community.contains("id=\"quarantine-missed\""))

            // Extended to 11-26 on the health commission's word; the order ends by itself on 11-27.
            let extend = "/admin/quarantine-orders/\(saved.id!.uuidString)/extend"
            let noNote = try await health.post(extend, ["endsOn": "2026-11-26"])
            XCTAssertEqual(noNote.status, .unprocessableEntity)
            let earlier = try await health.post(extend, ["endsOn": "2026-11-24", "note": "区卫健委通知"])
            XCTAssertEqual(earlier.status, .unprocessableEntity)
            let extended = try await health.post(extend, ["endsOn": "2026-11-26", "note": "区卫健委通知"])
            XCTAssertEqual(extended.status, .seeOther, extended.body.string)
            let orders = QuarantineOrders(services: app.gatehouse, db: app.db)
            clock.advance(by: 2 * 86_400) // 11-25 15:00: still in force
            var steps = try await orders.sync()
            XCTAssertEqual(steps.ended, 0)
            let gate = try await APIClient.signedIn(app, "guard.a") // tokens last less than the days moved
            let stillDenied = try await gate.send(.POST, "/api/v1/passages", json: {
                var b = out; b["clientRequestId"] = UUID().uuidString; return b }()).json()
            XCTAssertEqual(codes(stillDenied), ["home_quarantine"])
            clock.advance(by: 2 * 86_400) // 11-27 15:00
            steps = try await orders.sync()
            XCTAssertEqual(steps.ended, 1)
            steps = try await orders.sync()
            XCTAssertEqual(steps.ended, 0, "a step is taken once")
            let released = try await Household.find(household.id, on: app.db)!.homeQuarantine
            XCTAssertFalse(released)
            var free = out
            free["clientRequestId"] = UUID().uuidString
            let allowed = try await APIClient.signedIn(app, "guard.a").send(.POST, "/api/v1/passages", json: free).json()
            XCTAssertEqual(allowed["decision"] as? String, "allow")
            let events = try await QuarantineOrderEvent.query(on: app.db).filter(\.$orderID == saved.id!).sort(\.$at).all().map(\.kind)
            XCTAssertEqual(events, ["ordered", "extended", "ended"])
            page = try await office.get("/admin/households/\(hid)").body.string
            XCTAssertTrue(page.contains("到期自动解除"), "the household keeps its history")
            XCTAssertTrue(page.contains("区卫健委通知"))

            // Another community's admin sees nothing of it.
            let other = WebClient(app)
            try await other.login("admin.b")
            let awaited = try await other.get(board).status
            XCTAssertEqual(awaited, .notFound)
            let foreign = try await other.post(extend, ["endsOn": "2026-12-01", "note": "x"]).status
            XCTAssertEqual(foreign, .notFound)
        }
    }

    func testAnOrderAheadComesIntoForceOnItsFirstDayAndCanBeReleasedEarly() async throws {
        let clock = FixedWallClock(TestApp.today)
        try await TestApp.run(clock: clock) { app in
            let w = try await world(app)
            _ = try await householdPasses(app, w)
            let household = try await Household.query(on: app.db).filter(\.$label == "8栋1单元102室").first()!
            let made = try await w.admin.send(.POST, "/api/v1/households/\(household.id!.uuidString)/quarantine",
                                              json: ["startsOn": "2026-11-24", "endsOn": "2026-12-07", "reason": "中风险地区返回", "orderedBy": "街道指挥部"])
            XCTAssertEqual(made.status, .created, made.body.string)
            let id = try made.json()["id"] as! String
            let orders = QuarantineOrders(services: app.gatehouse, db: app.db)
            var steps = try await orders.sync()
            XCTAssertEqual(steps.started, 0)
            var flag = try await Household.find(household.id, on: app.db)!.homeQuarantine
            XCTAssertFalse(flag, "not before its first day")
            clock.advance(by: 2 * 86_400)
            steps = try await orders.sync()
            XCTAssertEqual(steps.started, 1)
            flag = try await Household.find(household.id, on: app.db)!.homeQuarantine
            XCTAssertTrue(flag)
            let admin = try await APIClient.signedIn(app, "admin.a")
            let list = try await admin.send(.GET, "/api/v1/communities/\(w.g.f.communityA.id!.uuidString)/quarantine-orders").jsonArray()
            XCTAssertEqual(list.first?["daysLeft"] as? Int, 14)
            let noNote = try await admin.send(.POST, "/api/v1/quarantine-orders/\(id)/release", json: [:] as [String: String])
            XCTAssertEqual(noNote.status, .unprocessableEntity)
            let released = try await admin.send(.POST, "/api/v1/quarantine-orders/\(id)/release", json: ["note": "核酸两次阴性，王医生"])
            XCTAssertEqual(released.status, .ok, released.body.string)
            let kinds = (try released.json()["events"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
            XCTAssertEqual(kinds, ["ordered", "inForce", "released"])
            flag = try await Household.find(household.id, on: app.db)!.homeQuarantine
            XCTAssertFalse(flag)
            let twice = try await admin.send(.POST, "/api/v1/quarantine-orders/\(id)/release", json: ["note": "x"]).status
            XCTAssertEqual(twice, .conflict)
        }
    }

    func testHealthStaffOrderFromTheBoardAndTheOfficeSeesIt() async throws {
        try await TestApp.run { app in
            let w = try await world(app)
            _ = try await householdPasses(app, w)
            try await w.g.f.account(app, "health.a", .health, subdistrict: w.g.f.subA)
            let cid = w.g.f.communityA.id!.uuidString
            let health = WebClient(app)
            try await health.login("health.a")
            let board = "/admin/communities/\(cid)/quarantine"
            try await health.get(board)
            let order = ["startsOn": "2026-11-22", "endsOn": "2026-12-05", "reason": "密切接触者", "orderedBy": "区卫健委"]
            var unknown = order
            unknown["household"] = "9栋9单元999室"
            let refused = try await health.post("/admin/communities/\(cid)/quarantine-orders", unknown)
            XCTAssertEqual(refused.status, .unprocessableEntity)
            XCTAssertTrue(refused.body.string.contains("本社区没有“9栋9单元999室”这一户"))
            XCTAssertTrue(refused.body.string.contains("value=\"密切接触者\""), "what was typed stays")
            var known = order
            known["household"] = " 8栋1单元101室 "
            let ordered = try await health.post("/admin/communities/\(cid)/quarantine-orders", known)
            XCTAssertEqual(ordered.location, "\(board)?done=ordered")
            let page = try await health.get(ordered.location!).body.string
            XCTAssertTrue(page.contains("已下达居家隔离"))
            XCTAssertTrue(page.contains("8栋1单元101室"))

            // The office sees it on the household's page, and the gate holds the household in.
            let household = try await Household.query(on: app.db).filter(\.$label == "8栋1单元101室").first()!
            XCTAssertTrue(household.homeQuarantine)
            let office = WebClient(app)
            try await office.login("admin.a")
            let householdPage = try await office.get("/admin/households/\(household.id!.uuidString)").body.string
            XCTAssertTrue(householdPage.contains("密切接触者") && householdPage.contains("区卫健委"))
            let recorder = try await QuarantineOrder.query(on: app.db).first()!.createdBy
            let healthUser = try await User.query(on: app.db).filter(\.$username == "health.a").first()!
            XCTAssertEqual(recorder, healthUser.id, "who recorded it")

            // Nobody outside the health staff and the office orders it.
            try await health.get(board)
            let guardWeb = WebClient(app)
            try await guardWeb.login("guard.a")
            let byGuard = try await guardWeb.post("/admin/communities/\(cid)/quarantine-orders", known).status
            XCTAssertEqual(byGuard, .forbidden)
        }
    }

    /// The office sets the community's minimum (here 21 days): a 14-day order then asks for confirmation, the
    /// household page proposes 21 days, and health staff cannot change the setting.
    func testTheMinimumIsTheCommunitysSetting() async throws {
        let clock = FixedWallClock(TestApp.today)
        try await TestApp.run(clock: clock) { app in
            let w = try await world(app)
            _ = try await householdPasses(app, w)
            try await w.g.f.account(app, "health.a", .health, subdistrict: w.g.f.subA)
            let cid = w.g.f.communityA.id!.uuidString
            let office = WebClient(app)
            try await office.login("admin.a")
            try await office.get("/admin/communities/\(cid)/quarantine")
            let bad = try await office.post("/admin/communities/\(cid)/quarantine-settings", ["minimumDays": "0"])
            XCTAssertEqual(bad.status, .unprocessableEntity)
            let set = try await office.post("/admin/communities/\(cid)/quarantine-settings", ["minimumDays": "21"])
            XCTAssertEqual(set.status, .seeOther)
            let health = WebClient(app)
            try await health.login("health.a")
            try await health.get("/admin/communities/\(cid)/quarantine")
            let refused = try await health.post("/admin/communities/\(cid)/quarantine-settings", ["minimumDays": "7"])
            XCTAssertEqual(refused.status, .forbidden)
            let stored = try await Community.find(w.g.f.communityA.id, on: app.db)!.quarantineMinimumDays
            XCTAssertEqual(stored, 21)

            let household = try await Household.query(on: app.db).filter(\.$label == "8栋1单元101室").first()!
            let page = try await office.get("/admin/households/\(household.id!.uuidString)").body.string
            XCTAssertTrue(page.contains("value=\"2026-12-12\""), "21 days proposed: 11-22 to 12-12")
            let order = ["household": "8栋1单元101室", "startsOn": "2026-11-22", "endsOn": "2026-12-05", "reason": "密切接触者", "orderedBy": "区卫健委"]
            let short = try await health.post("/admin/communities/\(cid)/quarantine-orders", order)
            XCTAssertEqual(short.status, .unprocessableEntity)
            XCTAssertTrue(short.body.string.contains("隔离期只有 14 天，短于本社区规定的最少 21 天"), short.body.string)
            var confirmed = order
            confirmed["confirmShort"] = "1"
            let made = try await health.post("/admin/communities/\(cid)/quarantine-orders", confirmed)
            XCTAssertEqual(made.status, .seeOther, made.body.string)
        }
    }
}
