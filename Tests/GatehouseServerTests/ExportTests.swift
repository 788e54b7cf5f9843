import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import XCTVapor
import ZIPFoundation

final class ExportTests: XCTestCase {
    func testPagesCarryOnAcrossPassagesRecordedAtTheSameInstant() async throws {
        // Below a microsecond too: SQLite keeps the full REAL while a decoded Date is rounded to microseconds, so a
        // page's keyset must come from the stored value.
        let clock = FixedWallClock(TestApp.today + 2 * 3600 + 0.4444444444)
        try await TestApp.run(clock: clock) { app in
            let g = try await GateFixture.make(app)
            // Three at one instant, two at the next, one at the gate B, two later: pages of two split the ties.
            for step in [0, 0, 0, 60, 0, 60, 0] {
                clock.advance(by: TimeInterval(step))
                let sent = try await g.guardA.send(.POST, "/api/v1/passages", json: g.body(36.5))
                XCTAssertEqual(sent.status, .created, sent.body.string)
            }
            _ = try await g.guardB.send(.POST, "/api/v1/passages", json: g.body(36.5, gate: g.f.gateB))
            let stored = try await Passage.query(on: app.db).filter(\.$communityID == g.f.communityA.id!).all()
                .sorted { ($0.recordedAt, $0.id!.uuidString) < ($1.recordedAt, $1.id!.uuidString) }
            let range = PassageExportRange(community: g.f.communityA, checkpoint: nil, from: CalendarDate(year: 2026, month: 11, day: 22)!, to: CalendarDate(year: 2026, month: 11, day: 22)!)
            for size in [1, 2, 3, 7, 1000] {
                var numbers: [Int] = [], times: [String] = []
                try await PassageExporter(services: app.gatehouse, db: app.db, language: .zh, pageSize: size).pages(range) { rows in
                    numbers += rows.map(\.number)
                    times += rows.map(\.time)
                }
                XCTAssertEqual(numbers, Array(1...stored.count), "pages of \(size): every row once, in order")
                XCTAssertEqual(times, stored.map { ChinaTime.text($0.recordedAt, "yyyy-MM-dd HH:mm:ss") })
            }
            let gateOnly = PassageExportRange(community: g.f.communityA, checkpoint: g.f.gateA, from: CalendarDate(year: 2026, month: 11, day: 22)!, to: CalendarDate(year: 2026, month: 11, day: 22)!)
            var count = 0
            try await PassageExporter(services: app.gatehouse, db: app.db, language: .zh, pageSize: 2).pages(gateOnly) { count += $0.count }
            XCTAssertEqual(count, stored.count)
        }
    }

    func testTheRegisterExportsAsCSVAndXLSXInertAndAudited() async throws {
        let clock = FixedWallClock(TestApp.today + 2 * 3600)
        try await TestApp.run(clock: clock) { app in
            let w = try await world(app)
            // A gate whose name a spreadsheet would run as a formula.
            let hostile = try await OrganisationEditing(services: app.gatehouse, db: app.db)
                .addCheckpoint(name: "=HYPERLINK(\"http://x\",\"y\")", isOpen: true, community: w.g.f.communityA)
            try await w.g.f.account(app, "guard.h", .operator, community: w.g.f.communityA)
            let guardUser = try await User.query(on: app.db).filter(\.$username == "guard.h").first()!
            guardUser.checkpointID = hostile.id
            try await guardUser.save(on: app.db)
            let hostileGuard = try await APIClient.signedIn(app, "guard.h")
            _ = try await w.g.guardA.send(.POST, "/api/v1/passages", json: w.g.body(36.6, id: "110105199003150025"))
            clock.advance(by: 60)
            _ = try await hostileGuard.send(.POST, "/api/v1/passages", json: w.g.body(36.8, id: "412821197910110010", gate: hostile))

            let cid = w.g.f.communityA.id!.uuidString
            let csv = try await w.admin.send(.GET, "/api/v1/exports/passages?communityId=\(cid)&format=csv")
            XCTAssertEqual(csv.status, .ok, csv.body.string)
            XCTAssertEqual(csv.headers.first(name: "X-Total-Rows"), "2")
            let text = csv.body.string
            XCTAssertTrue(text.hasPrefix("\u{FEFF}序号,时间,卡点"), String(text.prefix(40)))
            let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            XCTAssertEqual(lines.count, 3)
            XCTAssertTrue(lines[2].contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""), lines[2])
            XCTAssertTrue(lines[1].contains("36.6") && lines[1].contains("吴保安"), "who recorded it, by name")
            XCTAssertFalse(text.contains("110105199003150025"), "lists mask")

            let xlsx = try await w.admin.send(.GET, "/api/v1/exports/passages?communityId=\(cid)&checkpointId=\(hostile.id!.uuidString)&format=xlsx")
            XCTAssertEqual(xlsx.status, .ok)
            let archive = try Archive(data: Data(buffer: xlsx.body), accessMode: .read)
            var sheet = Data()
            _ = try archive.extract(archive["xl/worksheets/sheet1.xml"]!) { sheet.append($0) }
            let xml = String(decoding: sheet, as: UTF8.self)
            XCTAssertTrue(xml.contains("<t xml:space=\"preserve\">=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)</t>"), "text, never a formula")
            XCTAssertFalse(xml.contains("<f>"))
            XCTAssertTrue(xml.contains("<v>36.8</v>"))
            XCTAssertFalse(xml.contains("36.6"), "only that gate")

            let web = WebClient(app)
            try await web.login("admin.a")
            let printed = try await web.get("/exports/print?communityId=\(cid)&from=2026-11-22&to=2026-11-22").body.string
            XCTAssertTrue(printed.contains("id=\"register\""))
            XCTAssertTrue(printed.contains("测试员") && !printed.contains("guard.h"), "named, not by login")
            XCTAssertTrue(printed.contains("值班人（签字）") && printed.contains("负责人（签字）"))
            let audits = try await AuditEvent.query(on: app.db).sort(\.$at).all()
            XCTAssertEqual(audits.map(\.action), ["exportPassages", "exportPassages", "printPassages"])
            XCTAssertEqual(audits.first?.detail, "csv 2026-11-22…2026-11-22, 2 rows")
            XCTAssertFalse(audits.contains { $0.detail.contains("110105") })

            // Nobody else: another community's admin, gate staff, the police; and no more than 31 days.
            let awaited1 = try await w.adminB.send(.GET, "/api/v1/exports/passages?communityId=\(cid)").status
            XCTAssertEqual(awaited1, .notFound)
            let awaited2 = try await w.g.guardA.send(.GET, "/api/v1/exports/passages?communityId=\(cid)").status
            XCTAssertEqual(awaited2, .forbidden)
            try await w.g.f.account(app, "police.a", .police, subdistrict: w.g.f.subA)
            let awaited3 = try await APIClient.signedIn(app, "police.a").send(.GET, "/api/v1/exports/passages?communityId=\(cid)").status
            XCTAssertEqual(awaited3, .forbidden)
            let long = try await w.admin.send(.GET, "/api/v1/exports/passages?communityId=\(cid)&from=2026-10-01&to=2026-11-22")
            XCTAssertEqual(long.status, .unprocessableEntity)
            let count = try await AuditEvent.query(on: app.db).count()
            XCTAssertEqual(count, 3, "refused exports leave nothing to audit")
            // A browser set to English that was shown the export page in Chinese downloads a Chinese sheet (the page
            // names its language); without it, the caller's language.
            let english: HTTPHeaders = ["Accept-Language": "en-GB,en;q=0.9"]
            let pageLanguage = try await w.admin.send(.GET, "/api/v1/exports/passages?communityId=\(cid)&format=csv&lang=zh", headers: english)
            XCTAssertTrue(pageLanguage.body.string.hasPrefix("\u{FEFF}序号,时间,卡点"))
            let callers = try await w.admin.send(.GET, "/api/v1/exports/passages?communityId=\(cid)&format=csv", headers: english)
            XCTAssertFalse(callers.body.string.hasPrefix("\u{FEFF}序号"), "an API client asking for English gets English")
        }
    }
}
