import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import XCTVapor

/// The scale generator, at a small scale: what it writes is what the server itself would have written — the
/// operators sign in, the passages list, a generated pass is honoured at the gate, the ID numbers are valid.
final class DataGeneratorTests: XCTestCase {
    func testGeneratedDataIsUsableThroughTheServer() async throws {
        try await TestApp.run { app in
            var plan = DataGenerator.Plan()
            plan.communities = 2
            plan.residentsPerCommunity = 9
            plan.passages = 2500
            plan.days = 3
            plan.busyDay = 400
            let summary = try await DataGenerator(services: app.gatehouse, db: app.db, hasher: app.password.async, log: { _ in })
                .run(plan)
            XCTAssertEqual(summary.communities, 2)
            XCTAssertEqual(summary.residents, 18)
            XCTAssertEqual(summary.passes, 6, "one household pass per three residents")
            XCTAssertEqual(summary.passages, 2900)
            let stored = try await Passage.query(on: app.db).count()
            XCTAssertEqual(stored, 2900)
            let busy = try await Community.query(on: app.db).filter(\.$name == "第1社区").first()!
            let lastDay = try await Passage.query(on: app.db).filter(\.$communityID == busy.id!)
                .filter(\.$recordedAt >= app.gatehouse.clock.now() - 86_400).count()
            XCTAssertGreaterThanOrEqual(lastDay, 400, "the busy day lands on the first community's gate")
            for n in [0, 17, 999, 123_456] { XCTAssertNoThrow(try ResidentIDNumber(DataGenerator.idNumber(n), today: CalendarDate(TestApp.today))) }

            let op = try await APIClient.signedIn(app, "gen-op-1", DataGenerator.password)
            let page = try await op.send(.GET, "/api/v1/passages?limit=50").json()
            let items = try XCTUnwrap(page["items"] as? [[String: Any]])
            XCTAssertEqual(items.count, 50)
            let web = WebClient(app)
            try await web.login("gen-op-1", DataGenerator.password)
            let records = try await web.get("/records")
            XCTAssertEqual(records.status, .ok)

            let pass = try await Pass.query(on: app.db).first()!
            let gate = try await Checkpoint.query(on: app.db).filter(\.$community.$id == pass.communityID).first()!
            let user = try await User.query(on: app.db).filter(\.$checkpointID == gate.id!).first()!
            let client = try await APIClient.signedIn(app, user.username, DataGenerator.password)
            let scanned = try await client.send(.POST, "/api/v1/passes/scan", json: ["checkpointId": gate.id!.uuidString, "code": pass.shortCode])
            XCTAssertEqual(scanned.status, .ok, scanned.body.string)
            let label = try await Household.find(pass.$household.id, on: app.db)?.label
            XCTAssertEqual(try scanned.json()["householdLabel"] as? String, label)
            // A generated resident is found by ID number (blind index) and opens (sealed name) like an imported one.
            let firstCommunity = try await Community.query(on: app.db).filter(\.$name == "第1社区").first()!
            let gateOne = try await Checkpoint.query(on: app.db).filter(\.$community.$id == firstCommunity.id!).first()!
            let lookup = try await op.send(.POST, "/api/v1/people/lookup",
                                           json: ["checkpointId": gateOne.id!.uuidString, "idNumber": DataGenerator.idNumber(0)]).json()
            XCTAssertEqual(lookup["known"] as? Bool, true, "\(lookup)")
            XCTAssertEqual(lookup["registered"] as? Bool, true)
            let sheetName = DataGenerator.sheet(community: 0, residents: 9).split(separator: "\n")[1].split(separator: ",")[3]
            XCTAssertEqual(lookup["nameMasked"] as? String, PersonName.mask(String(sheetName)))

            // The district's office sees every community; its health desk traces a generated resident.
            let office = try await APIClient.signedIn(app, "gen-admin", DataGenerator.password)
            let all = try await office.send(.GET, "/api/v1/passages?limit=200").json()["items"] as? [[String: Any]]
            XCTAssertEqual(Set((all ?? []).compactMap { $0["communityId"] as? String }).count, 2)
            let health = try await APIClient.signedIn(app, "gen-health", DataGenerator.password)
            let trace = try await health.send(.POST, "/api/v1/contact-traces",
                                              json: ["idNumber": DataGenerator.idNumber(0), "days": 28, "reason": "压测核对"])
            XCTAssertEqual(trace.status, .ok, trace.body.string)

            do {
                _ = try await DataGenerator(services: app.gatehouse, db: app.db, hasher: app.password.async, log: { _ in }).run(plan)
                XCTFail("a database holding data is refused")
            } catch is ConfigurationError {}
        }
    }
}
