import FluentKit
import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import SQLKit
import XCTVapor

/// Two communities in one district and a third in another district, with an admin for each level.
struct Fixture {
    static let password = "password123"

    let districtA: District
    let districtB: District
    let subA: Subdistrict
    let communityA: Community
    let communityB: Community
    let communityOther: Community
    let gateA: Checkpoint
    let gateB: Checkpoint
    let gateOther: Checkpoint

    static func make(_ app: Application) async throws -> Fixture {
        let services = app.gatehouse
        let db = app.db
        let editing = OrganisationEditing(services: services, db: db)
        let now = services.clock.now()
        let dA = District(name: "甲区", divisionCode: nil, createdAt: now)
        try await dA.create(on: db)
        let dB = District(name: "乙区", divisionCode: nil, createdAt: now)
        try await dB.create(on: db)
        let subA = try await editing.addSubdistrict(name: "甲街道", districtID: dA.id!)
        let subB = try await editing.addSubdistrict(name: "乙街道", districtID: dB.id!)
        let cA = try await editing.addCommunity(name: "幸福社区", address: nil, subdistrict: subA)
        let cB = try await editing.addCommunity(name: "和平社区", address: nil, subdistrict: subA)
        let cO = try await editing.addCommunity(name: "远方社区", address: nil, subdistrict: subB)
        let gA = try await editing.addCheckpoint(name: "幸福北门", isOpen: true, community: cA)
        let gB = try await editing.addCheckpoint(name: "和平东门", isOpen: true, community: cB)
        let gO = try await editing.addCheckpoint(name: "远方南门", isOpen: true, community: cO)
        return Fixture(districtA: dA, districtB: dB, subA: subA, communityA: cA, communityB: cB, communityOther: cO,
                       gateA: gA, gateB: gB, gateOther: gO)
    }

    /// Creates an account of `role` placed at `community` (or at district level) and returns its username.
    @discardableResult
    func account(_ app: Application, _ username: String, _ role: Role, community: Community? = nil,
                 subdistrict: Subdistrict? = nil, district: District? = nil) async throws -> User {
        let input = AccountCreation.Input(username: username, password: Self.password, name: "测试员", phone: "13800000000", role: role.rawValue)
        let d = community?.districtID ?? subdistrict?.$district.id ?? district?.id ?? districtA.id
        let s = community?.$subdistrict.id ?? subdistrict?.id
        return try await AccountCreation(services: app.gatehouse, db: app.db)
            .create(input, placement: (d, s, community?.id), createdBy: nil, language: .zh, hasher: app.password.async)
    }
}
