import Fluent
import GatehouseCore
import Vapor

/// The start pages of gate staff (`/operator`) and of every other role (`/account`).
struct AccountController: RouteCollection {
    struct OperatorPage: Encodable {
        let page: PageContext
        let maskedName: String
        let maskedPhone: String
        let maskedUserCode: String
        let unitName: String
        let checkpointName: String
        let checkpointOpen: Bool
        let communityName: String
    }

    struct AccountPage: Encodable {
        let page: PageContext
        let maskedName: String
        let communities: [CommunityOverview]
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.operatorCard, use: operatorHome)
        routes.get(.account(.overview), use: accountHome)
    }

    func operatorHome(req: Request) async throws -> View {
        let user = try req.requireUser(.operator)
        guard let row = try await StaffRow.list(communityID: user.communityID!, services: req.gatehouse, language: req.language, on: req.db)
            .first(where: { $0.id == user.id }),
            let gate = try await Checkpoint.find(user.checkpointID, on: req.db),
            let community = try await Community.find(user.communityID, on: req.db)
        else { throw AppError.notFound }
        let page = OperatorPage(page: PageContext(req, title: Strings.text("my_checkpoint", req.language)),
                                maskedName: row.maskedName, maskedPhone: row.maskedPhone, maskedUserCode: row.maskedUserCode,
                                unitName: row.unitName, checkpointName: gate.name, checkpointOpen: gate.isOpen,
                                communityName: community.name)
        return try await req.view.render("accounts/operator-home", page)
    }

    func accountHome(req: Request) async throws -> Response {
        let user = try req.requireUser()
        if user.roleValue.isAdmin { return req.redirect(to: .admin(.overview)) }
        if user.roleValue == .operator { return req.redirect(to: .operatorCard) }
        let communities = try await AccessScope(user).communities(on: req.db)
        let name = (try? req.gatehouse.sealer.open(user.nameSealed, context: "user.name")) ?? ""
        let page = AccountPage(page: PageContext(req, title: Strings.text("my_account", req.language)),
                               maskedName: PersonName.mask(name),
                               communities: try await CommunityOverview.build(communities, showCodes: false, on: req.db))
        return try await req.view.render("accounts/account", page).encodeResponse(for: req)
    }
}
