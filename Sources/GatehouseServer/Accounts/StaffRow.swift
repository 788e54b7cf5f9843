import Fluent
import GatehouseCore
import Vapor

/// One staff account of a community (gate staff, its admins, the property company) as lists show it: personal
/// fields masked.
struct StaffRow: Content {
    let id: UUID
    let username: String
    let role: String
    let roleLabel: String
    let maskedName: String
    let maskedPhone: String
    let maskedUserCode: String
    let unitName: String
    let checkpointName: String
    let registeredAt: String
    let isActive: Bool
    /// Locked out of signing in after failed tries (`LoginThrottle`); an admin can lift it.
    var isLocked = false

    static func list(communityID: UUID, services: GatehouseServices, language: Language, on db: any Database) async throws -> [StaffRow] {
        let users = try await User.query(on: db).filter(\.$communityID == communityID)
            .filter(\.$role ~~ [Role.operator.rawValue, Role.communityAdmin.rawValue, Role.property.rawValue]).sort(\.$createdAt).all()
        let gates = try await Checkpoint.query(on: db).filter(\.$community.$id == communityID).all()
        let gateNames = Dictionary(uniqueKeysWithValues: gates.map { ($0.id!, $0.name) })
        let sealer = services.sealer
        return users.map { u in
            let name = (try? sealer.open(u.nameSealed, context: "user.name")) ?? ""
            let phone = u.phoneSealed.flatMap { try? sealer.open($0, context: "user.phone") } ?? ""
            let code = u.userCodeSealed.flatMap { try? sealer.open($0, context: "user.code") } ?? ""
            let maskedCode = (try? OperatorUserCode(code, today: services.today).masked) ?? ""
            return StaffRow(id: u.id!, username: u.username, role: u.role,
                            roleLabel: u.roleValue.label.text(for: language.rawValue),
                            maskedName: PersonName.mask(name), maskedPhone: phone.isEmpty ? "" : PhoneNumber.mask(phone),
                            maskedUserCode: maskedCode, unitName: u.unitName ?? "",
                            checkpointName: u.checkpointID.flatMap { gateNames[$0] } ?? "",
                            registeredAt: ChinaTime.onScreen(u.createdAt, now: services.clock.now()), isActive: u.isActive)
        }
    }
}
