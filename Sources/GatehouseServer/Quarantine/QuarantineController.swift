import Fluent
import GatehouseCore
import Vapor

/// `/admin/communities/{id}/quarantine`: households under home quarantine — ordering it (health staff as well as the
/// office: the order shows on the household's page too), the twice-daily health reports, extending and releasing
/// orders, and the history. For community admins and health staff. One service orders it from here, from the
/// household's page and from the API (`QuarantineOrders.order`).
struct QuarantineController: RouteCollection {
    struct Page: Encodable {
        let page: PageContext
        let community: CommunityHeading
        let orders: [QuarantineBoard.Order]
        let history: [QuarantineBoard.Past]
        let symptoms: [SelectOption]
        let round: String
        let error: String?
        /// The order form's values after a refusal (household by its label).
        var form = OrderForm()
        var ordered = false
        var minimumDays = 14
        /// The office sets the minimum; health staff order within it.
        var canSetMinimum = false
    }

    struct OrderForm: Codable {
        var household: String?
        var startsOn: String?
        var endsOn: String?
        var reason: String?
        var orderedBy: String?
        var confirmShort: String?

        var input: QuarantineOrderInput {
            QuarantineOrderInput(startsOn: startsOn, endsOn: endsOn, reason: reason, orderedBy: orderedBy, confirmShort: confirmShort == "1")
        }
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.community(.key, .quarantine), use: board)
        routes.post(.community(.key, .quarantineOrders), use: order)
        routes.post(.community(.key, .quarantineSettings), use: settings)
        routes.post(.quarantineOrder(.key, .reports), use: report)
        routes.post(.quarantineOrder(.key, .extend), use: extend)
        routes.post(.quarantineOrder(.key, .release), use: release)
    }

    /// The order, for someone who may act on it (community admins and health staff in scope).
    static func order(_ req: Request) async throws -> (User, QuarantineOrder, Community) {
        let user = try req.requireUser(.communityAdmin, .districtAdmin, .health)
        guard let order = try await QuarantineOrder.find(req.parameters.get("orderID", as: UUID.self), on: req.db) else { throw AppError.notFound }
        return (user, order, try await AccessScope(user).community(order.communityID, on: req.db))
    }

    private func render(_ req: Request, _ community: Community, error: String?, status: HTTPStatus,
                        form: OrderForm = OrderForm()) async throws -> Response {
        let board = QuarantineBoard(services: req.gatehouse, db: req.db, language: req.language)
        let lang = req.language.rawValue
        let symptoms = [SelectOption(value: "none", label: Strings.text("none", req.language))]
            + Symptom.allCases.map { SelectOption(value: $0.rawValue, label: $0.label.text(for: lang)) }
        let round = HealthRound(req.gatehouse.clock.now())
        return try await req.view.render("quarantine/quarantine", Page(
            page: PageContext(req, title: Strings.text("quarantine_board", req.language)), community: CommunityHeading(community),
            orders: try await board.open(community: community.id!),
            history: try await board.history(community: community.id!), symptoms: symptoms,
            round: "\(round.day.description.suffix(5)) \(round.half.label.text(for: lang))", error: error, form: form,
            ordered: req.query[String.self, at: "done"] == "ordered", minimumDays: community.quarantineMinimumDays,
            canSetMinimum: [.communityAdmin, .districtAdmin].contains(try req.requireUser().roleValue)))
            .encodeResponse(status: status, for: req)
    }

    /// Orders home quarantine for a household of the community, named by its label as the office's lists write it.
    func order(req: Request) async throws -> Response {
        let (user, community) = try await req.community(.communityAdmin, .districtAdmin, .health)
        let form = try req.content.decode(OrderForm.self)
        let label = (form.household ?? "").trimmingCharacters(in: .whitespaces)
        guard let household = try await Household.query(on: req.db).filter(\.$communityID == community.id!).filter(\.$label == label).first() else {
            let message = LocalizedText(zh: "本社区没有“\(label)”这一户：请照住户名单的写法填写，如 8栋1单元101室",
                                        en: "No household “\(label)” in this community: write it as the household list does, e.g. 8栋1单元101室")
            return try await render(req, community, error: message.text(for: req.language.rawValue), status: .unprocessableEntity, form: form)
        }
        do {
            try await QuarantineOrders(services: req.gatehouse, db: req.db).order(household, form.input, by: try user.requireID())
        } catch let e as AppError where e.status == .unprocessableEntity || e.status == .conflict {
            return try await render(req, community, error: e.message.text(for: req.language.rawValue), status: e.status, form: form)
        }
        return req.redirect(to: .community(.value(community.id!), .quarantine), ["done": "ordered"])
    }

    /// The community's minimum quarantine (an order shorter than this asks for confirmation): the office's setting.
    func settings(req: Request) async throws -> Response {
        let (_, community) = try await req.community(.communityAdmin, .districtAdmin)
        struct Form: Decodable { var minimumDays: String? }
        guard let days = (try req.content.decode(Form.self)).minimumDays.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
              (1...QuarantinePeriod.maximumDays).contains(days) else {
            return try await render(req, community, error: LocalizedText(zh: "最少隔离天数应为1至60天", en: "From 1 to 60 days").text(for: req.language.rawValue),
                                    status: .unprocessableEntity)
        }
        community.quarantineMinimumDays = days
        try await community.save(on: req.db)
        return req.redirect(to: .community(.value(community.id!), .quarantine))
    }

    func board(req: Request) async throws -> Response {
        let (_, community) = try await req.community(.communityAdmin, .districtAdmin, .health)
        return try await render(req, community, error: nil, status: .ok)
    }

    private func act(_ req: Request, _ body: (User, QuarantineOrder) async throws -> Void) async throws -> Response {
        let (user, order, community) = try await Self.order(req)
        do { try await body(user, order) } catch let e as AppError where e.status == .unprocessableEntity || e.status == .conflict {
            return try await render(req, community, error: e.message.text(for: req.language.rawValue), status: e.status)
        }
        return req.redirect(to: .community(.value(community.id!), .quarantine))
    }

    func report(req: Request) async throws -> Response {
        struct Form: Decodable { var residentId: UUID?; var temperature: String?; var symptoms: [String]?; var note: String? }
        let form = try req.content.decode(Form.self)
        return try await act(req) { user, order in
            try await QuarantineBoard(services: req.gatehouse, db: req.db, language: req.language).report(
                order, resident: form.residentId, temperature: form.temperature.flatMap { Double($0.replacingOccurrences(of: ",", with: ".")) },
                symptoms: form.symptoms ?? [], note: form.note, by: try user.requireID())
        }
    }

    func extend(req: Request) async throws -> Response {
        struct Form: Decodable { var endsOn: String?; var note: String? }
        let form = try req.content.decode(Form.self)
        return try await act(req) { user, order in
            try await QuarantineOrders(services: req.gatehouse, db: req.db).extend(order, to: form.endsOn, note: form.note, by: try user.requireID())
        }
    }

    func release(req: Request) async throws -> Response {
        struct Form: Decodable { var note: String? }
        let form = try req.content.decode(Form.self)
        return try await act(req) { user, order in
            try await QuarantineOrders(services: req.gatehouse, db: req.db).release(order, note: form.note, by: try user.requireID())
        }
    }
}
