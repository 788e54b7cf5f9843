import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import XCTVapor

/// Role × community × route: everyone who is not community A's — its neighbour's staff of every role, another
/// district, health staff of another subdistrict, police without a grant — is refused every page and API of A, and
/// A's own admin reaches them all (so each address in the table is a real one).
final class AccessMatrixTests: XCTestCase {
    func testNobodyReadsOrChangesWhatIsNotTheirs() async throws {
        let clock = FixedWallClock(TestApp.today)
        try await TestApp.run(clock: clock) { app in
            let w = try await world(app)
            _ = try await householdPasses(app, w)
            let f = w.g.f
            let a = f.communityA.id!.uuidString
            let household = try await Household.query(on: app.db).filter(\.$communityID == f.communityA.id!).first()!.id!.uuidString
            try await w.g.registered(app, GateFixture.idNumber)
            let first = try await w.g.guardA.send(.POST, "/api/v1/passages", json: w.g.body(38.0)).json()
            let passage = first["id"] as! String
            clock.advance(by: 301)
            _ = try await w.g.guardA.send(.POST, "/api/v1/passages/\(passage)/remeasure", json: ["temperature": 38.1])
            let fever = try await FeverCase.query(on: app.db).first()!.id!.uuidString
            let order = try await w.admin.send(.POST, "/api/v1/households/\(household)/quarantine",
                                               json: ["startsOn": "2026-11-22", "endsOn": "2026-12-05", "reason": "密接", "orderedBy": "区卫健委"])
            XCTAssertEqual(order.status, .created)
            let orderID = try order.json()["id"] as! String

            let pages = [
                "/admin/communities/\(a)", "/admin/communities/\(a)/households", "/admin/communities/\(a)/registrations",
                "/admin/communities/\(a)/facilities", "/admin/communities/\(a)/training", "/admin/communities/\(a)/disinfection",
                "/admin/communities/\(a)/returnees", "/admin/communities/\(a)/quarantine", "/admin/communities/\(a)/supplies",
                "/admin/communities/\(a)/dashboard", "/admin/communities/\(a)/supervision", "/admin/households/\(household)",
                "/fever-cases/\(fever)", "/records/\(passage)", "/exports/print?communityId=\(a)",
            ]
            let reads = [
                "/api/v1/communities/\(a)", "/api/v1/communities/\(a)/households", "/api/v1/communities/\(a)/dashboard",
                "/api/v1/communities/\(a)/quarantine-orders", "/api/v1/households/\(household)", "/api/v1/fever-cases/\(fever)",
                "/api/v1/passages/\(passage)", "/api/v1/exports/passages?communityId=\(a)",
            ]
            let writes: [(String, [String: Any])] = [
                ("/api/v1/communities/\(a)/checkpoints", ["name": "越权门"]),
                ("/api/v1/households/\(household)/quarantine", ["startsOn": "2026-11-22", "endsOn": "2026-12-05", "reason": "x", "orderedBy": "x"]),
                ("/api/v1/quarantine-orders/\(orderID)/release", ["note": "越权解除"]),
                ("/api/v1/fever-cases/\(fever)/steps", ["stage": "inObservation", "roomName": "越权室"]),
                ("/api/v1/communities/\(a)/household-passes", [:]),
            ]

            // The insider reaches every page and read.
            let insider = WebClient(app)
            try await insider.login("admin.a")
            for path in pages {
                let status = try await insider.get(path).status
                XCTAssertEqual(status, .ok, "admin.a \(path)")
            }
            for path in reads {
                let status = try await w.admin.send(.GET, path).status
                XCTAssertEqual(status, .ok, "admin.a \(path)")
            }

            try await f.account(app, "guard.b2", .operator, community: f.communityB)
            try await f.account(app, "prop.b", .property, community: f.communityB)
            try await f.account(app, "landlord.b", .landlord, community: f.communityB)
            try await f.account(app, "agency.b", .agency, community: f.communityB)
            try await f.account(app, "police.a", .police, subdistrict: f.subA)
            let subB = try await Subdistrict.query(on: app.db).filter(\.$name == "乙街道").first()!
            try await f.account(app, "health.o", .health, subdistrict: subB)
            try await f.account(app, "district.b", .districtAdmin, district: f.districtB)
            let outsiders = ["admin.b", "guard.b2", "prop.b", "landlord.b", "agency.b", "police.a", "health.o", "district.b"]
            let refused: Set<HTTPStatus> = [.forbidden, .notFound]
            for username in outsiders {
                let web = WebClient(app)
                try await web.login(username)
                for path in pages {
                    let status = try await web.get(path).status
                    XCTAssertTrue(refused.contains(status), "\(username) GET \(path) → \(status)")
                }
                let api = try await APIClient.signedIn(app, username)
                for path in reads {
                    let status = try await api.send(.GET, path).status
                    XCTAssertTrue(refused.contains(status), "\(username) GET \(path) → \(status)")
                }
                for (path, body) in writes {
                    let status = try await api.send(.POST, path, json: body).status
                    XCTAssertTrue(refused.contains(status), "\(username) POST \(path) → \(status)")
                }
            }
            // Nothing changed.
            let gates = try await Checkpoint.query(on: app.db).filter(\.$name == "越权门").count()
            XCTAssertEqual(gates, 0)
            let stored = try await FeverCase.find(UUID(uuidString: fever), on: app.db)!.status
            XCTAssertEqual(stored, "confirmed")
            let open = try await QuarantineOrder.find(UUID(uuidString: orderID), on: app.db)!.releasedAt
            XCTAssertNil(open)
        }
    }
}
