import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import XCTVapor
import SQLKit

final class TracingTests: XCTestCase {
    func testHealthStaffTraceContactsWithAReasonAndEveryTraceIsAudited() async throws {
        let clock = FixedWallClock(TestApp.today + 2 * 3600) // 10:00 China
        try await TestApp.run(clock: clock) { app in
            let g = try await GateFixture.make(app)
            try await g.f.account(app, "health.a", .health, subdistrict: g.f.subA)
            try await g.f.account(app, "admin.a", .communityAdmin, community: g.f.communityA)
            _ = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(36.5, id: "110105199003150025"))
            clock.advance(by: 5 * 60)
            _ = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(36.6, id: "412821197910110010"))
            clock.advance(by: 55 * 60)
            _ = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(36.7, id: "412821199208170450"))

            let health = WebClient(app)
            try await health.login("health.a")
            try await health.get("/health/tracing")
            let noReason = try await health.post("/health/tracing", ["idNumber": "110105199003150025", "days": "7", "windowMinutes": "15"])
            XCTAssertEqual(noReason.status, .unprocessableEntity)
            XCTAssertTrue(noReason.body.string.contains("请写明流调事由"))
            let unknown = try await health.post("/health/tracing", ["idNumber": "110105198704120318", "days": "7", "windowMinutes": "15",
                                                                    "reason": "确诊病例密接排查"])
            XCTAssertTrue(unknown.body.string.contains("辖区内没有此人的通行记录"))
            let page = try await health.post("/health/tracing", ["idNumber": "110105199003150025", "days": "7", "windowMinutes": "15",
                                                                 "reason": "确诊病例密接排查"])
            XCTAssertEqual(page.status, .ok, page.body.string)
            XCTAssertTrue(page.body.string.contains("可能接触者 (1)"), page.body.string)

            let api = try await APIClient.signedIn(app, "health.a")
            let trace = try await api.send(.POST, "/api/v1/contact-traces",
                                           json: ["idNumber": "110105199003150025", "days": 7, "windowMinutes": 15, "reason": "确诊病例密接排查"]).json()
            let contacts = trace["contacts"] as? [[String: Any]] ?? []
            XCTAssertEqual(contacts.count, 1)
            XCTAssertEqual(contacts.first?["minutesApart"] as? Int, 5)
            XCTAssertEqual((trace["passages"] as? [Any])?.count, 1)
            let wide = try await api.send(.POST, "/api/v1/contact-traces",
                                          json: ["idNumber": "110105199003150025", "days": 7, "windowMinutes": 60, "reason": "确诊病例密接排查"]).json()
            XCTAssertEqual((wide["contacts"] as? [Any])?.count, 2, "a wider window finds the later one too")

            try await health.get("/health/tracing")
            let file = try await health.post("/health/tracing/export", ["idNumber": "110105199003150025", "days": "7", "windowMinutes": "15",
                                                                        "reason": "确诊病例密接排查", "format": "csv"])
            XCTAssertEqual(file.status, .ok)
            XCTAssertTrue(file.body.string.hasPrefix("\u{FEFF}类别"))
            XCTAssertTrue(file.body.string.contains("可能接触者"))

            let audits = try await AuditEvent.query(on: app.db).sort(\.$at).all()
            XCTAssertEqual(audits.map(\.action), ["contactTrace", "contactTrace", "contactTrace", "exportContactTrace"])
            XCTAssertTrue(audits.allSatisfy { $0.reason == "确诊病例密接排查" })
            XCTAssertFalse(audits.contains { $0.detail.contains("110105") || ($0.target ?? "").contains("110105") })

            // Only health staff.
            let admin = WebClient(app)
            try await admin.login("admin.a")
            let awaited1 = try await admin.get("/health/tracing").status
            XCTAssertEqual(awaited1, .forbidden)
            let awaited2 = try await APIClient.signedIn(app, "admin.a").send(.POST, "/api/v1/contact-traces",
                json: ["idNumber": "110105199003150025", "reason": "确诊病例密接排查"]).status
            XCTAssertEqual(awaited2, .forbidden)
            let count = try await AuditEvent.query(on: app.db).count()
            XCTAssertEqual(count, 4)
        }
    }
    func testTheHandWrittenTraceJSONReadsLikeTheEncoders() throws {
        func line(_ n: Int, label: String?, apart: Int?) -> ContactTrace.Line {
            ContactTrace.Line(time: "2026-11-22 08:0\(n)", communityName: "幸福里社区", checkpointName: "东门 \"北\" \\ 侧\n\t\u{01}/",
                              direction: "进", nameMasked: "张*", phoneMasked: n == 0 ? "" : "138****8058", householdLabel: label,
                              temperature: "36.\(n)", abnormal: n == 2, minutesApart: apart)
        }
        let group = ContactGroup(key: "household:\(UUID())", kind: "household", label: "8-1-102", householdId: UUID(),
                                 members: [.init(personId: UUID(), nameMasked: "张*", phoneMasked: "138****8058"), .init(personId: nil, nameMasked: "访客", phoneMasked: "")],
                                 coPresences: 2, closestMinutes: 0, closestTime: "2026-11-22 08:02", checkpoints: "东门", abnormal: true)
        let trace = ContactTrace(subjectMasked: "田*", days: 28, windowMinutes: 15, cappedWindows: 2, passages: [line(0, label: "8-1-101", apart: nil)],
                                 contacts: [line(1, label: nil, apart: 3), line(2, label: "8-1-102", apart: 0).inGroup(0)], groups: [group])
        let handWritten = try XCTUnwrap(trace.jsonResponse().body.string)
        let encoded = try JSONEncoder().encode(trace)
        let ours = try JSONSerialization.jsonObject(with: Data(handWritten.utf8)) as! NSDictionary
        let theirs = try JSONSerialization.jsonObject(with: encoded) as! NSDictionary
        XCTAssertEqual(ours, theirs)
        XCTAssertEqual(try JSONDecoder().decode(ContactTrace.self, from: Data(handWritten.utf8)).contacts.map(\.minutesApart), [3, 0])
        XCTAssertTrue(handWritten.contains("\\u0001"), handWritten)
        XCTAssertEqual(ContactTrace(subjectMasked: "", days: 1, windowMinutes: 1, cappedWindows: 0, passages: [], contacts: [], groups: [])
                        .jsonResponse().body.string,
                       "{\"subjectMasked\":\"\",\"days\":1,\"windowMinutes\":1,\"cappedWindows\":0,\"passages\":[],\"contacts\":[],\"groups\":[]}")
    }
    func testABusyWindowIsCutAndTheTraceSaysSo() async throws {
        let clock = FixedWallClock(TestApp.today + 2 * 3600)
        try await TestApp.run(clock: clock) { app in
            let g = try await GateFixture.make(app)
            try await g.f.account(app, "health.a", .health, subdistrict: g.f.subA)
            _ = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(36.5, id: "110105199003150025"))
            for id in ["412821197910110010", "412821199208170450", "110105198001010016"] {
                clock.advance(by: 60)
                _ = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(36.6, id: id))
            }
            let health = try await User.query(on: app.db).filter(\.$username == "health.a").first()!
            let input = ContactTraceInput(idNumber: "110105199003150025", days: 7, windowMinutes: 15, reason: "确诊病例密接排查")
            var tracer = ContactTracer(services: app.gatehouse, db: app.db, language: .zh)
            let checked = try await tracer.check(input, scope: AccessScope(health))
            let whole = try await tracer.trace(checked)
            XCTAssertEqual(whole.contacts.count, 3)
            XCTAssertEqual(whole.cappedWindows, 0)
            XCTAssertFalse(ContactTraceFile.csv(whole, language: .zh).contains("请缩小时间窗口"))
            tracer.contactsPerWindow = 2
            let cut = try await tracer.trace(checked)
            XCTAssertEqual(cut.cappedWindows, 1)
            XCTAssertEqual(cut.contacts.count, 1, "the window's first two passages, less the traced person's own")
            XCTAssertTrue(ContactTraceFile.csv(cut, language: .zh).contains("有1个时段同一卡点通行超过2000人次"))
            XCTAssertTrue(ContactTraceFile.cappedNotice(cut, language: .en).hasPrefix("1 windows held more than 2,000"))
            tracer.contactsPerWindow = 3
            let exact = try await tracer.trace(checked)
            XCTAssertEqual(exact.cappedWindows, 1, "four passages in the window, three listed")
            tracer.contactsPerWindow = 4
            let all = try await tracer.trace(checked)
            XCTAssertEqual(all.cappedWindows, 0, "exactly as many as the cap is not cut")
            XCTAssertEqual(all.contacts.count, 3)
        }
    }
    func testManyWindowsReadTogetherKeepTheirOrder() async throws {
        let clock = FixedWallClock(TestApp.today + 2 * 3600)
        try await TestApp.run(clock: clock) { app in
            let g = try await GateFixture.make(app)
            try await g.f.account(app, "health.a", .health, subdistrict: g.f.subA)
            // The traced person passes seven times an hour apart, alternately at gates A and B: seven windows, more than
            // are read at once; a different contact follows them two minutes later each time.
            let contacts = ["412821197910110010", "412821199208170450", "110105198001010016"]
            var expected: [Int] = []
            for hour in 0..<7 {
                let gate = hour % 2 == 0 ? g.f.gateA : g.f.gateB
                let client = hour % 2 == 0 ? g.guardA : g.guardB
                let own = try await client.send(.POST, "/api/v1/passages", json: g.body(36.5, id: "110105199003150025", gate: gate))
                XCTAssertEqual(own.status, .created, own.body.string)
                clock.advance(by: 120)
                let other = try await client.send(.POST, "/api/v1/passages",
                                                  json: g.body(36.0 + Double(hour) / 10, id: contacts[hour % 3], gate: gate))
                XCTAssertEqual(other.status, .created, other.body.string)
                expected.append(360 + hour)
                clock.advance(by: 3600 - 120)
            }
            XCTAssertGreaterThan(7, ContactTracer.windowsAtOnce)
            let health = try await User.query(on: app.db).filter(\.$username == "health.a").first()!
            let input = ContactTraceInput(idNumber: "110105199003150025", days: 7, windowMinutes: 15, reason: "确诊病例密接排查")
            let tracer = ContactTracer(services: app.gatehouse, db: app.db, language: .zh)
            let trace = try await tracer.trace(try await tracer.check(input, scope: AccessScope(health)))
            XCTAssertEqual(trace.passages.count, 7)
            XCTAssertEqual(trace.contacts.map { Int((Double($0.temperature)! * 10).rounded()) }.sorted(), expected, "one contact per window")
            // In their groups, each group's lines together and oldest first.
            let groups = trace.contacts.compactMap(\.group)
            XCTAssertEqual(groups, groups.sorted(), "a group's lines together")
            for g in Set(groups) {
                let times = trace.contacts.filter { $0.group == g }.map(\.time)
                XCTAssertEqual(times, times.sorted())
            }
            XCTAssertEqual(trace.contacts.map(\.minutesApart), Array(repeating: 2, count: 7))
        }
    }
    func testThePageListsTheFirstFiveHundredContactsAndTheFileAllOfThem() async throws {
        let clock = FixedWallClock(TestApp.today + 2 * 3600)
        try await TestApp.run(clock: clock) { app in
            let g = try await GateFixture.make(app)
            try await g.f.account(app, "health.a", .health, subdistrict: g.f.subA)
            let first = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(36.5, id: "110105199003150025")).json()
            let model = try await Passage.find(UUID(uuidString: first["id"] as! String), on: app.db)!
            // 510 unregistered passers within the window, written straight to the table.
            let records = (0..<510).map { n -> PassageRecord in
                let p = Passage()
                p.id = UUID()
                p.communityID = model.communityID
                p.$checkpoint.id = model.$checkpoint.id
                p.$operatorUser.id = model.$operatorUser.id
                p.direction = .`in`
                p.mode = model.mode
                p.readings = model.readings
                p.temperatureTenths = 365
                p.status = .normal
                p.decision = "allow"
                p.reasons = ""
                p.wearsMask = true
                p.awaitingRemeasure = false
                p.nameMasked = "访客\(n)"
                p.phoneMasked = ""
                p.recordedAt = model.recordedAt + TimeInterval(n)
                p.clientRequestID = UUID()
                p.updatedAt = p.recordedAt
                return PassageRecord(p.values, on: app.db)
            }
            try await app.db.transaction { tx in _ = try await PassageRecord.insert(records, on: tx as! any SQLDatabase) }
            let web = WebClient(app)
            try await web.login("health.a")
            try await web.get("/health/tracing")
            let form = ["idNumber": "110105199003150025", "days": "7", "windowMinutes": "15", "reason": "确诊病例密接排查"]
            let page = try await web.post("/health/tracing", form).body.string
            XCTAssertTrue(page.contains("可能接触者 (510)"), page)
            XCTAssertTrue(page.contains("此页只列出前500名可能接触者"))
            XCTAssertEqual(page.components(separatedBy: "class=\"card contact-group").count - 1, 500, "500 groups: each unnamed passer on their own")
            try await web.get("/health/tracing")
            var file = form
            file["format"] = "csv"
            let csv = try await web.post("/health/tracing/export", file).body.string
            XCTAssertEqual(csv.components(separatedBy: "可能接触者").count - 1, 510, "the file holds every contact")
        }
    }

    /// A trace leads to action: a contact seen twice near the traced person is one group with two co-presences; the
    /// health worker sees their phone after a stated reason (audited, and in that person's data report), puts them
    /// under monitoring in one step (not twice), and orders home quarantine for their household; a contact
    /// without a household cannot get an order, and a household not in the trace cannot be slipped in.
    func testAContactIsGroupedRevealedAndActedOn() async throws {
        let clock = FixedWallClock(TestApp.today + 2 * 3600)
        try await TestApp.run(clock: clock) { app in
            let w = try await world(app)
            _ = try await householdPasses(app, w)
            let (household, member) = try await residentLogin(app, "8栋1单元101室", "zhang.a")
            try await w.g.f.account(app, "health.a", .health, subdistrict: w.g.f.subA)
            let traced = "412821197910110010", outsider = "412821199208170450", zhang = "110105198001010016"
            for (id, minutes) in [(traced, 0), (zhang, 2), (zhang, 3), (outsider, 9)] {
                clock.set(TestApp.today + 2 * 3600 + TimeInterval(minutes * 60))
                let made = try await w.g.guardA.send(.POST, "/api/v1/passages", json: w.g.body(36.5, id: id, direction: minutes == 3 ? "out" : "in"))
                XCTAssertEqual(made.status, .created, made.body.string)
            }
            clock.set(TestApp.today + 3 * 3600)
            let health = WebClient(app)
            try await health.login("health.a")
            try await health.get("/health/tracing")
            let form = ["idNumber": traced, "days": "7", "windowMinutes": "15", "reason": "确诊病例密接排查"]
            let page = try await health.post("/health/tracing", form).body.string
            XCTAssertEqual(page.components(separatedBy: "class=\"card contact-group").count - 1, 2, page)
            XCTAssertTrue(page.contains("同时段通行次数 2 · 最近相隔 2 分钟"), page)

            let person = try await Person.find(member.$person.id, on: app.db)!
            let json: HTTPHeaders = ["Accept": "application/json"]
            let bare = try await health.post("/health/tracing/reveal", ["personId": person.id!.uuidString], headers: json)
            XCTAssertEqual(bare.status, .unprocessableEntity)
            XCTAssertTrue(bare.body.string.contains("请写明"), bare.body.string)
            let shown = try await health.post("/health/tracing/reveal", ["personId": person.id!.uuidString, "reason": "电话通知密接"], headers: json)
            XCTAssertEqual(try shown.json()["phone"] as? String, "13812340001")
            let reveal = try await AuditEvent.query(on: app.db).filter(\.$action == "reveal").first()!
            XCTAssertEqual(reveal.detail, "phone")
            XCTAssertEqual(reveal.reason, "电话通知密接")
            let page2 = try await health.post("/health/tracing/reveal", ["personId": person.id!.uuidString, "reason": "电话通知密接"])
            XCTAssertTrue(page2.body.string.contains("13812340001"), "without the script, a page with the phone")
            let other = WebClient(app)
            try await w.g.f.account(app, "health.o", .health, district: w.g.f.districtB)
            try await other.login("health.o")
            try await other.get("/health/tracing")
            let foreign = try await other.post("/health/tracing/reveal", ["personId": person.id!.uuidString, "reason": "电话通知密接"], headers: json)
            XCTAssertEqual(foreign.status, .notFound)

            let me = WebClient(app)
            try await me.login("zhang.a")
            let report = try await me.get("/me/data").body.string
            XCTAssertTrue(report.contains("查看 \(person.nameMasked) 的联系电话，理由：电话通知密接"), report)

            let key = page.components(separatedBy: "data-key=\"")[1].components(separatedBy: "\"")[0]
            let outsiderKey = page.components(separatedBy: "data-key=\"")[2].components(separatedBy: "\"")[0]
            try await health.get("/health/tracing")
            var act = form
            act["contacts[]"] = key
            act["action"] = "monitoring"
            let monitored = try await health.post("/health/tracing/actions", act).body.string
            XCTAssertTrue(monitored.contains("已将1人纳入健康监测"), monitored)
            let reports = try await ReturneeReport.query(on: app.db).filter(\.$personID == person.id!).all()
            XCTAssertEqual(reports.count, 1)
            XCTAssertEqual(reports.first?.source, "contact")
            XCTAssertEqual(reports.first?.arrivalDate, app.gatehouse.today.description)
            let again = try await health.post("/health/tracing/actions", act).body.string
            XCTAssertTrue(again.contains("1人已在监测中，未重复"), again)
            let board = try await WebClient(app).get("/admin/communities/\(w.g.f.communityA.id!.uuidString)/returnees").status
            XCTAssertNotEqual(board, .ok, "signed out")
            let office = WebClient(app)
            try await office.login("admin.a")
            let onBoard = try await office.get("/admin/communities/\(w.g.f.communityA.id!.uuidString)/returnees").body.string
            XCTAssertTrue(onBoard.contains("流调密接") && onBoard.contains(person.nameMasked), onBoard)

            act["action"] = "quarantine"
            let ordered = try await health.post("/health/tracing/actions", act).body.string
            XCTAssertTrue(ordered.contains("已为1户下达居家隔离令"), ordered)
            let order = try await QuarantineOrder.query(on: app.db).filter(\.$householdID == household.id!).first()
            XCTAssertNotNil(order)
            XCTAssertEqual(order?.reason, "流调密接：确诊病例密接排查")
            act["contacts[]"] = outsiderKey
            let none = try await health.post("/health/tracing/actions", act).body.string
            XCTAssertTrue(none.contains("1个接触者没有可用的登记信息"), none)
            let otherHousehold = try await Household.query(on: app.db).filter(\.$label == "8栋1单元102室").first()!
            act["contacts[]"] = "household:\(otherHousehold.id!)"
            let forged = try await health.post("/health/tracing/actions", act)
            XCTAssertEqual(forged.status, .unprocessableEntity)
            let orders = try await QuarantineOrder.query(on: app.db).count()
            XCTAssertEqual(orders, 1)

            // The file keeps the grouping: the group's number and who it is on each of its lines.
            try await health.get("/health/tracing")
            var file = form
            file["format"] = "csv"
            let csv = try await health.post("/health/tracing/export", file).body.string
            XCTAssertTrue(csv.contains("接触组,接触对象,同时段通行次数"), csv)
            let lines = csv.components(separatedBy: "\r\n").filter { $0.hasPrefix("可能接触者") }
            XCTAssertEqual(lines.count, 3)
            XCTAssertTrue(lines[0].hasPrefix("可能接触者,1,") && lines[1].hasPrefix("可能接触者,1,") && lines[2].hasPrefix("可能接触者,2,"), csv)
        }
    }
}
