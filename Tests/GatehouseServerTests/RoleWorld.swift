import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import XCTVapor

/// Community A with an account of every role signed in to the API, and one record of each kind to point at:
/// households 101 (the resident's) and 102, their passes, a passage of each, a quarantine order, a fever case.
struct RoleWorld {
    let clients: [(Role, APIClient)]
    let ids: [String: String]
    let ownPassage: String
    let otherPassage: String
    let ownToken: String
    let otherToken: String

    subscript(role: Role) -> APIClient? { clients.first { $0.0 == role }?.1 }

    /// The template with every `{parameter}` replaced by the world's record of that kind.
    func fill(_ template: String) -> String {
        var path = template
        for (name, value) in ids { path = path.replacingOccurrences(of: "{\(name)}", with: value) }
        return path
    }

}

extension XCTestCase {
    func roleWorld(_ app: Application, clock: FixedWallClock) async throws -> RoleWorld {
        let w = try await world(app)
        let passes = try await householdPasses(app, w)
        let f = w.g.f
        let a = f.communityA.id!.uuidString
        var households: [String: String] = [:]
        for (label, username) in [("8栋1单元101室", "zhang.a"), ("8栋1单元102室", "li.a")] {
            households[label] = try await residentLogin(app, label, username).household.id!.uuidString
        }
        let office = WebClient(app)
        try await office.login("admin.a")
        try await f.account(app, "district.a", .districtAdmin, district: f.districtA)
        try await f.account(app, "health.a", .health, subdistrict: f.subA)
        let police = try await f.account(app, "police.a", .police, subdistrict: f.subA)
        try await f.account(app, "landlord.a", .landlord, community: f.communityA)
        try await f.account(app, "agency.a", .agency, community: f.communityA)
        try await f.account(app, "prop.a", .property, community: f.communityA)
        try await office.get("/admin/communities/\(a)/supervision")
        let granted = try await office.post("/admin/communities/\(a)/police-grants",
                                            ["policeUserId": police.id!.uuidString, "startsOn": "2026-11-22", "endsOn": "2026-11-23"])
        XCTAssertEqual(granted.status, .seeOther, granted.body.string)

        // A passage of each household, by its pass.
        var passages: [String] = []
        var tokens: [String] = []
        for label in ["8栋1单元101室", "8栋1单元102室"] {
            let pass = try await w.admin.send(.GET, "/api/v1/passes/\(passes[label]!)").json()
            tokens.append(pass["token"] as! String)
            var body = w.g.body(36.6, id: nil, direction: "out")
            body["passCode"] = pass["shortCode"] as! String
            let passage = try await w.g.guardA.send(.POST, "/api/v1/passages", json: body)
            XCTAssertEqual(passage.status, .created, passage.body.string)
            passages.append(try passage.json()["id"] as! String)
        }
        // A fever case (someone else, by ID number), and a quarantine order on 102.
        try await w.g.registered(app, GateFixture.idNumber)
        let first = try await w.g.guardA.send(.POST, "/api/v1/passages", json: w.g.body(38.0)).json()
        clock.advance(by: 301)
        _ = try await w.g.guardA.send(.POST, "/api/v1/passages/\(first["id"] as! String)/remeasure", json: ["temperature": 38.1])
        let fever = try await FeverCase.query(on: app.db).first()!.id!.uuidString
        let order = try await w.admin.send(.POST, "/api/v1/households/\(households["8栋1单元102室"]!)/quarantine",
                                           json: ["startsOn": "2026-11-22", "endsOn": "2026-12-05", "reason": "密接", "orderedBy": "区卫健委"])
        XCTAssertEqual(order.status, .created, order.body.string)

        var clients: [(Role, APIClient)] = []
        for (role, username) in [(Role.districtAdmin, "district.a"), (.communityAdmin, "admin.a"), (.operator, "guard.a"),
                                 (.health, "health.a"), (.police, "police.a"), (.resident, "zhang.a"), (.landlord, "landlord.a"),
                                 (.agency, "agency.a"), (.property, "prop.a")] {
            clients.append((role, try await APIClient.signedIn(app, username)))
        }
        let ids = ["communityID": a, "passageID": passages[0], "passID": passes["8栋1单元101室"]!,
                   "householdID": households["8栋1单元101室"]!, "registrationID": UUID().uuidString,
                   "orderID": try order.json()["id"] as! String, "caseID": fever]
        return RoleWorld(clients: clients, ids: ids, ownPassage: passages[0], otherPassage: passages[1],
                         ownToken: tokens[0], otherToken: tokens[1])
    }
}
