import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import NIOCore
import XCTVapor

/// Two operators (gates A and B) and admins of communities A and B, signed in to the API; households imported.
struct PassWorld {
    static let csv = """
    楼栋,单元,房号,姓名,身份证号,手机号,类别,暂住截止日期
    8,1,101,张三,110105198001010016,13812340001,常住,
    8,1,101,张小三,110105200008080017,,常住,
    8,1,102,李四,110105199003150025,13812340002,暂住,2027-01-31
    """

    let g: GateFixture
    let admin: APIClient
    let adminB: APIClient
}

extension XCTestCase {
    func world(_ app: Application) async throws -> PassWorld {
        let g = try await GateFixture.make(app)
        try await g.f.account(app, "admin.a", .communityAdmin, community: g.f.communityA)
        try await g.f.account(app, "admin.b", .communityAdmin, community: g.f.communityB)
        return PassWorld(g: g, admin: try await APIClient.signedIn(app, "admin.a"), adminB: try await APIClient.signedIn(app, "admin.b"))
    }

    func upload(_ app: Application, _ client: APIClient, _ community: Community, _ text: String) async throws -> XCTHTTPResponse {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: client.token!)
        headers.contentType = .init(type: "text", subType: "csv")
        return try await app.testable().sendRequest(.POST, "/api/v1/communities/\(community.id!.uuidString)/household-imports",
                                                   headers: headers, body: ByteBuffer(string: text))
    }

    /// Imports the sheet, issues household passes; returns label → pass id.
    func householdPasses(_ app: Application, _ w: PassWorld) async throws -> [String: String] {
        let imported = try await upload(app, w.admin, w.g.f.communityA, PassWorld.csv)
        XCTAssertEqual(imported.status, .ok, imported.body.string)
        let issued = try await w.admin.send(.POST, "/api/v1/communities/\(w.g.f.communityA.id!.uuidString)/household-passes")
        XCTAssertEqual(try issued.json()["issued"] as? Int, 2)
        let list = try await w.admin.send(.GET, "/api/v1/communities/\(w.g.f.communityA.id!.uuidString)/households").jsonArray()
        return Dictionary(uniqueKeysWithValues: list.map { ($0["label"] as! String, $0["householdPassId"] as! String) })
    }

    /// The office gives the first member of the household `label` a login `username` (as on the household page);
    /// returns the household and that member.
    @discardableResult
    func residentLogin(_ app: Application, _ label: String, _ username: String) async throws -> (household: Household, member: Resident) {
        let household = try await Household.query(on: app.db).filter(\.$label == label).first()!
        let member = try await Resident.query(on: app.db).filter(\.$household.$id == household.id!).sort(\.$createdAt).first()!
        let office = WebClient(app)
        try await office.login("admin.a")
        try await office.get("/admin/households/\(household.id!.uuidString)")
        _ = try await office.post("/admin/households/\(household.id!.uuidString)/residents/\(member.id!.uuidString)/login",
                                  ["username": username, "password": Fixture.password])
        return (household, member)
    }

    func token(_ w: PassWorld, _ passID: String) async throws -> String {
        try await w.admin.send(.GET, "/api/v1/passes/\(passID)").json()["token"] as! String
    }
}
