import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import XCTVapor

/// The organisation fixture plus an operator at each of gates A and B, signed in to the API.
struct GateFixture {
    static let idNumber = "11010519491231002X"
    static let otherID = "412821197910110010"

    let f: Fixture
    let guardA: APIClient
    let guardB: APIClient

    static func make(_ app: Application) async throws -> GateFixture {
        let f = try await Fixture.make(app)
        let registration = OperatorRegistration(services: app.gatehouse, db: app.db)
        for (username, gate, code, name) in [("guard.a", f.gateA, "JY01", "吴保安"), ("guard.b", f.gateB, "JY02", "郑保安")] {
            _ = try await registration.register(.init(enrolmentCode: gate.enrolmentCode, userCode: code, name: name,
                                                      phone: "13900000006", unitName: "物业", username: username,
                                                      password: Fixture.password, passwordAgain: nil),
                                                language: .zh, hasher: app.password.async)
        }
        return GateFixture(f: f, guardA: try await APIClient.signedIn(app, "guard.a"), guardB: try await APIClient.signedIn(app, "guard.b"))
    }

    /// The office registers these people with gate A's community (or `community`) — 登记备案, as it does after
    /// checking; an operator can only propose it.
    func registered(_ app: Application, _ ids: String..., community: Community? = nil) async throws {
        let community = community ?? f.communityA
        var admin = try await User.query(on: app.db).filter(\.$communityID == community.id!).filter(\.$role == Role.communityAdmin.rawValue).first()
        if admin == nil { admin = try await f.account(app, "office_\(community.id!.uuidString.prefix(8))", .communityAdmin, community: community) }
        guard let admin else { return }
        let people = PersonDirectory(services: app.gatehouse, db: app.db, communityID: community.id!, actor: admin.id!)
        for id in ids {
            _ = try await people.upsert(idNumber: ResidentIDNumber(id, today: app.gatehouse.today), name: nil, phone: nil, card: nil,
                                        registeringBy: admin.id!)
        }
    }

    /// A passage body for gate A.
    func body(_ temperature: Double, id: String? = idNumber, mask: Bool = true, direction: String = "in",
              register: Bool = false, requestID: UUID = UUID(), gate: Checkpoint? = nil) -> [String: Any] {
        var b: [String: Any] = ["checkpointId": (gate ?? f.gateA).id!.uuidString, "direction": direction,
                                "temperature": temperature, "mask": mask, "clientRequestId": requestID.uuidString,
                                "registerAsResident": register]
        if let id { b["idNumber"] = id }
        return b
    }
}
