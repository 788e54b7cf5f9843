import Fluent
import GatehouseCore
import Vapor

/// The administration pages: a district's communities, a community's gates, enrolment codes and staff.
struct AdminController: RouteCollection {
    struct HomePage: Encodable {
        let page: PageContext
        let communities: [CommunityOverview]
        let subdistricts: [Option]
        let errors: FieldErrors
    }

    struct Option: Encodable { let id: UUID; let name: String }

    struct CommunityPage: Encodable {
        let page: PageContext
        let community: CommunityOverview
        let staff: [StaffRow]
        let canAddAdmins: Bool
        let errors: FieldErrors
        let values: [String: String]
        let gate: CommunityGateInfo
        let newToken: String?
        let overdueDisinfection: Int
        let missedCheckIns: Int
        let unwellReturnees: Int
        let missedQuarantineRounds: Int
        /// Open fever cases, late steps first.
        let feverCases: [FeverCaseRow]
        let lateFeverCases: Int
        /// First high readings whose re-measure was never taken (rest + 10 minutes past).
        let missedRemeasures: [MissedRemeasures.Row]
        /// Passages a gate let through offline that the server's rules, applied at sync, would have refused.
        let offlineReviews: [OfflineReviews.Row]
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.admin(.overview), use: home)
        routes.post(.admin(.subdistricts), use: addSubdistrict)
        routes.post(.admin(.communities), use: addCommunity)
        routes.post(.admin(.accounts), use: addDistrictAccount)
        routes.get(.community(.key, .overview), use: community)
        routes.post(.community(.key, .checkpoints), use: addCheckpoint)
        routes.post(.community(.key, .accounts), use: addCommunityAccount)
        routes.post(.checkpoint(.key, .open), use: setOpen)
        routes.post(.checkpoint(.key, .enrolmentCode), use: renewCode)
    }

    func home(req: Request) async throws -> Response {
        let user = try req.requireUser(.districtAdmin, .communityAdmin)
        if user.roleValue == .communityAdmin, let cid = user.communityID {
            return req.redirect(to: .community(.value(cid), .overview))
        }
        return try await renderHome(req, user: user, errors: [:], status: .ok)
    }

    private func renderHome(_ req: Request, user: User, errors: FieldErrors, status: HTTPStatus, notice: String? = nil) async throws -> Response {
        let scope = AccessScope(user)
        let overviews = try await CommunityOverview.build(try await scope.communities(on: req.db), showCodes: true, on: req.db)
        var subs: [Option] = []
        if case .district(let d) = scope {
            subs = try await Subdistrict.query(on: req.db).filter(\.$district.$id == d).sort(\.$name).all().map { Option(id: $0.id!, name: $0.name) }
        }
        let page = HomePage(page: PageContext(req, title: Strings.text("admin_home", req.language), notice: notice),
                            communities: overviews, subdistricts: subs, errors: errors)
        return try await req.view.render("accounts/admin-home", page).encodeResponse(status: status, for: req)
    }

    struct NameForm: Content { let name: String?; let address: String?; let subdistrictId: UUID?; let isOpen: String? }

    func addSubdistrict(req: Request) async throws -> Response {
        let user = try req.requireUser(.districtAdmin)
        guard let did = user.districtID else { throw AppError.forbidden }
        let form = try req.content.decode(NameForm.self)
        do {
            _ = try await OrganisationEditing(services: req.gatehouse, db: req.db).addSubdistrict(name: form.name, districtID: did)
        } catch let e as AppError {
            return try await renderHome(req, user: user, errors: ["subdistrict": e.message.text(for: req.language.rawValue)], status: e.status)
        }
        return req.redirect(to: .admin(.overview))
    }

    func addCommunity(req: Request) async throws -> Response {
        let user = try req.requireUser(.districtAdmin)
        let form = try req.content.decode(NameForm.self)
        guard let sid = form.subdistrictId, let sub = try await Subdistrict.find(sid, on: req.db),
              sub.$district.id == user.districtID
        else {
            return try await renderHome(req, user: user, errors: ["community": Strings.text("subdistrict", req.language) + "?"], status: .unprocessableEntity)
        }
        do {
            let c = try await OrganisationEditing(services: req.gatehouse, db: req.db).addCommunity(name: form.name, address: form.address, subdistrict: sub)
            return req.redirect(to: .community(.value(c.id!), .overview))
        } catch let e as AppError {
            return try await renderHome(req, user: user, errors: ["community": e.message.text(for: req.language.rawValue)], status: e.status)
        }
    }

    /// Health and police accounts of the district (optionally narrowed to a subdistrict).
    func addDistrictAccount(req: Request) async throws -> Response {
        let user = try req.requireUser(.districtAdmin)
        var input = try req.content.decode(AccountCreation.Input.self)
        struct Extra: Decodable { let subdistrictId: UUID? }
        let sid = (try? req.content.decode(Extra.self))?.subdistrictId
        if ![Role.health.rawValue, Role.police.rawValue, Role.districtAdmin.rawValue].contains(input.role ?? "") { input.role = nil }
        if let sid {
            guard let sub = try await Subdistrict.find(sid, on: req.db), sub.$district.id == user.districtID else { throw AppError.notFound }
        }
        do {
            _ = try await AccountCreation(services: req.gatehouse, db: req.db)
                .create(input, placement: (user.districtID, input.role == Role.districtAdmin.rawValue ? nil : sid, nil),
                        createdBy: user.id, language: req.language, hasher: req.password.async)
        } catch let invalid as OperatorRegistration.Invalid {
            return try await renderHome(req, user: user, errors: invalid.errors, status: .unprocessableEntity)
        }
        return try await renderHome(req, user: user, errors: [:], status: .ok, notice: Strings.text("saved", req.language))
    }

    func community(req: Request) async throws -> Response {
        // After an account was disabled, enabled or unlocked (`AccountAdminController`), a sentence saying so.
        let done = ["disabled": "account_disabled_notice", "enabled": "account_enabled_notice", "unlocked": "account_unlocked_notice"]
        let notice = req.query[String.self, at: "done"].flatMap { done[$0] }.map { Strings.text($0, req.language) }
        return try await renderCommunity(req, errors: [:], values: [:], status: .ok, notice: notice)
    }

    func renderCommunity(_ req: Request, errors: FieldErrors, values: [String: String], status: HTTPStatus, notice: String? = nil,
                         newToken: String? = nil) async throws -> Response {
        let (_, community) = try await req.community(.districtAdmin, .communityAdmin)
        let overview = try await CommunityOverview.build([community], showCodes: true, on: req.db)[0]
        var staff = try await StaffRow.list(communityID: community.id!, services: req.gatehouse, language: req.language, on: req.db)
        let now = req.gatehouse.clock.now()
        for i in staff.indices { staff[i].isLocked = await req.application.loginThrottle.isLocked(username: staff[i].username, now: now) }
        let fever = try await FeverCaseDesk(services: req.gatehouse, db: req.db, language: req.language).rows(in: .community(community.id!))
        let returnees = try await ReturneeMonitorBoard(services: req.gatehouse, db: req.db).counts(community: community.id!)
        let page = CommunityPage(page: PageContext(req, title: community.name, notice: notice), community: overview, staff: staff,
                                 canAddAdmins: true, errors: errors, values: values,
                                 gate: try await CommunityGateInfo.build(community, db: req.db), newToken: newToken,
                                 overdueDisinfection: try await DisinfectionService(services: req.gatehouse, db: req.db)
                                     .overdueCount(community: community.id!),
                                 missedCheckIns: returnees.missed, unwellReturnees: returnees.unwell,
                                 missedQuarantineRounds: try await QuarantineBoard(services: req.gatehouse, db: req.db, language: req.language)
                                     .missedCount(community: community.id!),
                                 feverCases: fever, lateFeverCases: fever.filter(\.late).count,
                                 missedRemeasures: try await MissedRemeasures(services: req.gatehouse, db: req.db).list(community: community),
                                 offlineReviews: try await OfflineReviews(services: req.gatehouse, db: req.db, language: req.language)
                                     .list(community: community))
        return try await req.view.render("accounts/community", page).encodeResponse(status: status, for: req)
    }

    func addCheckpoint(req: Request) async throws -> Response {
        let (_, community) = try await req.community(.districtAdmin, .communityAdmin)
        let form = try req.content.decode(NameForm.self)
        do {
            _ = try await OrganisationEditing(services: req.gatehouse, db: req.db)
                .addCheckpoint(name: form.name, isOpen: form.isOpen == "1", community: community)
        } catch let e as AppError {
            return try await renderCommunity(req, errors: ["checkpoint": e.message.text(for: req.language.rawValue)],
                                             values: ["checkpointName": form.name ?? ""], status: e.status)
        }
        return req.redirect(to: .community(.value(community.id!), .overview))
    }

    func addCommunityAccount(req: Request) async throws -> Response {
        let (user, community) = try await req.community(.districtAdmin, .communityAdmin)
        var input = try req.content.decode(AccountCreation.Input.self)
        // A community's own accounts: its admins and its property company (told of fever cases).
        input.role = input.role == Role.property.rawValue ? Role.property.rawValue : Role.communityAdmin.rawValue
        do {
            _ = try await AccountCreation(services: req.gatehouse, db: req.db)
                .create(input, placement: (community.districtID, community.$subdistrict.id, community.id),
                        createdBy: user.id, language: req.language, hasher: req.password.async)
        } catch let invalid as OperatorRegistration.Invalid {
            return try await renderCommunity(req, errors: invalid.errors,
                                             values: ["username": input.username, "name": input.name, "phone": input.phone ?? ""],
                                             status: .unprocessableEntity)
        }
        return try await renderCommunity(req, errors: [:], values: [:], status: .ok, notice: Strings.text("saved", req.language))
    }

    func setOpen(req: Request) async throws -> Response {
        let user = try req.requireUser(.districtAdmin, .communityAdmin)
        let gate = try await OrganisationEditing(services: req.gatehouse, db: req.db)
            .checkpoint(req.parameters.get("checkpointID", as: UUID.self), in: AccessScope(user))
        struct Form: Decodable { let isOpen: String? }
        gate.isOpen = (try? req.content.decode(Form.self))?.isOpen == "1"
        try await gate.save(on: req.db)
        return req.redirect(to: .community(.value(gate.$community.id), .overview))
    }

    func renewCode(req: Request) async throws -> Response {
        let user = try req.requireUser(.districtAdmin, .communityAdmin)
        let editing = OrganisationEditing(services: req.gatehouse, db: req.db)
        let gate = try await editing.checkpoint(req.parameters.get("checkpointID", as: UUID.self), in: AccessScope(user))
        gate.enrolmentCode = try await editing.freshCode()
        try await gate.save(on: req.db)
        return req.redirect(to: .community(.value(gate.$community.id), .overview))
    }
}
