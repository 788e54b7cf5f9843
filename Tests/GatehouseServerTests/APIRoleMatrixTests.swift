import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import XCTVapor

/// Role × operation over the API, driven by `openapi.json` itself: for every signed-in operation and every role
/// of community A, a role its `x-roles` does not name is refused (403) and a role it names is not — so the
/// description is the rule. The rules the register needs are pinned by name below, not read from the description.
final class APIRoleMatrixTests: XCTestCase {
    func testEveryOperationAnswersExactlyTheRolesItsDescriptionNames() async throws {
        let clock = FixedWallClock(TestApp.today)
        try await TestApp.run(clock: clock) { app in
            let w = try await roleWorld(app, clock: clock)
            let doc = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: ResourceLocator.root + "openapi.json"))) as! [String: Any]
            let paths = doc["paths"] as! [String: [String: Any]]
            var operations = 0
            var wrong: [String] = []
            // Logging out ends the caller's token: that operation goes last.
            let ordered = paths.sorted { ($0.key == "/api/v1/auth/logout" ? 1 : 0, $0.key) < ($1.key == "/api/v1/auth/logout" ? 1 : 0, $1.key) }
            for (template, ops) in ordered {
                for (method, value) in ops.sorted(by: { $0.key < $1.key }) {
                    guard let op = value as? [String: Any], let roles = op["x-roles"] as? [String] else { continue }
                    operations += 1
                    let path = w.fill(template)
                    for (role, client) in w.clients {
                        let body: Any? = method == "get" ? nil : [String: Any]()
                        let response = try await client.send(HTTPMethod(rawValue: method.uppercased()), path, json: body)
                        let refused = response.status == .forbidden && response.errorMessage == "您的账号类型不能使用此功能"
                        if roles.contains(role.rawValue) {
                            if response.status == .forbidden || response.status == .unauthorized { wrong.append("\(role) \(method) \(template) → \(response.status.code) (named)") }
                        } else if !refused {
                            wrong.append("\(role) \(method) \(template) → \(response.status.code) \(response.body.string.prefix(80)) (not named)")
                        }
                    }
                }
            }
            XCTAssertEqual(wrong, [])
            XCTAssertGreaterThanOrEqual(operations, 43, "every signed-in operation names its roles")

            // The register's rules, by name: staff read it; of the rest only a resident, and only their household's.
            let reg = try APIRolePolicy.bundled()
            let staff: Set<Role> = [.operator, .communityAdmin, .districtAdmin, .health, .police]
            XCTAssertEqual(reg.roles["GET /api/v1/passages"], staff.union([.resident]))
            XCTAssertEqual(reg.roles["GET /api/v1/passages/{passageID}"], staff.union([.resident]))
            XCTAssertEqual(reg.roles["POST /api/v1/people/lookup"], [.operator, .communityAdmin, .districtAdmin])
            XCTAssertFalse(reg.roles["POST /api/v1/passes/verify"]!.contains(.landlord))
        }
    }

    func testAResidentReadsTheirOwnHouseholdsPassagesAndChecksOnlyTheirOwnPasses() async throws {
        let clock = FixedWallClock(TestApp.today)
        try await TestApp.run(clock: clock) { app in
            let w = try await roleWorld(app, clock: clock)
            let zhang = w[.resident]!
            let mine = try await zhang.send(.GET, "/api/v1/passages").json()["items"] as! [[String: Any]]
            XCTAssertEqual(mine.map { $0["id"] as? String }, [w.ownPassage], "their household's passage, not the neighbour's")
            let own = try await zhang.send(.GET, "/api/v1/passages/\(w.ownPassage)").status
            XCTAssertEqual(own, .ok)
            let neighbours = try await zhang.send(.GET, "/api/v1/passages/\(w.otherPassage)").status
            XCTAssertEqual(neighbours, .notFound)
            let staffList = try await w[.operator]!.send(.GET, "/api/v1/passages").json()["items"] as! [[String: Any]]
            let seen = Set(staffList.compactMap { $0["id"] as? String })
            XCTAssertTrue(seen.isSuperset(of: [w.ownPassage, w.otherPassage]), "the gate sees both")

            let checked = try await zhang.send(.POST, "/api/v1/passes/verify", json: ["token": w.ownToken])
            XCTAssertEqual(checked.status, .ok)
            XCTAssertEqual(try checked.json()["valid"] as? Bool, true)
            let other = try await zhang.send(.POST, "/api/v1/passes/verify", json: ["token": w.otherToken])
            XCTAssertEqual(other.status, .forbidden)
            XCTAssertEqual(other.errorMessage, "居民只能查验本户的通行证")

            // Not the landlord, the agency or the property company: the register is for staff.
            for role in [Role.landlord, .agency, .property] {
                let list = try await w[role]!.send(.GET, "/api/v1/passages").status
                XCTAssertEqual(list, .forbidden, "\(role)")
                let one = try await w[role]!.send(.GET, "/api/v1/passages/\(w.ownPassage)").status
                XCTAssertEqual(one, .forbidden, "\(role)")
            }
        }
    }

    func testAnOperationWithoutRolesStopsTheStart() throws {
        let signedIn = #"{"paths":{"/api/v1/x":{"get":{"security":[{"bearer":[]}]}}}}"#
        XCTAssertThrowsError(try APIRolePolicy(description: Data(signedIn.utf8)))
        let unknown = #"{"paths":{"/api/v1/x":{"get":{"security":[{"bearer":[]}],"x-roles":["guard"]}}}}"#
        XCTAssertThrowsError(try APIRolePolicy(description: Data(unknown.utf8)))
        let open = #"{"paths":{"/api/v1/x":{"get":{}}}}"#
        XCTAssertEqual(try APIRolePolicy(description: Data(open.utf8)).roles, [:], "public operations name no roles")
    }
}
