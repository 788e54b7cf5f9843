import Fluent
import GatehouseCore
import Vapor

/// Gate staff: the start-of-shift checklist that opens the gate screen (`/gate/shift-check`), and the office's
/// training records of temperature staff (`/admin/communities/{id}/training`).
struct ShiftController: RouteCollection {

    struct CheckPage: Encodable {
        let page: PageContext
        let checkpointName: String
        let items: [SelectOption]
        let error: String?
    }

    struct TrainingRow: Encodable {
        let operatorName: String
        let trainedOn: String
        let trainer: String
        let thermometerModel: String
    }

    struct TrainingPage: Encodable {
        let page: PageContext
        let community: CommunityHeading
        let staff: [SelectOption]
        let records: [TrainingRow]
        let errors: FieldErrors
    }

    struct TrainingForm: Content {
        /// An operator (`user:<id>`) or a volunteer on the roster (`member:<id>`); `userId` names an operator too.
        var staffId: String?
        var userId: UUID?
        var trainedOn: String?
        var trainer: String?
        var thermometerModel: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.gate(.shiftCheck), use: checkForm)
        routes.post(.gate(.shiftCheck), use: check)
        routes.get(.community(.key, .training), use: training)
        routes.post(.community(.key, .training), use: addTraining)
    }

    /// Whether `user` must still do today's checklist before the gate screen opens (operators only).
    static func needsCheck(_ user: User, on req: Request) async throws -> Bool {
        guard user.roleValue == .operator, let gate = user.checkpointID else { return false }
        return try await ShiftCheck.query(on: req.db).filter(\.$userID == user.id!).filter(\.$checkpointID == gate)
            .filter(\.$day == req.gatehouse.today.description).count() == 0
    }

    private func renderCheck(_ req: Request, error: String?, status: HTTPStatus) async throws -> Response {
        let user = try req.requireUser(.operator)
        let gate = try await Checkpoint.find(user.checkpointID, on: req.db)
        let lang = req.language.rawValue
        return try await req.view.render("staff/shift-check", CheckPage(
            page: PageContext(req, title: Strings.text("shift_check", req.language)), checkpointName: gate?.name ?? "",
            items: ShiftCheckItem.allCases.map { SelectOption(value: $0.rawValue, label: $0.label.text(for: lang)) }, error: error))
            .encodeResponse(status: status, for: req)
    }

    func checkForm(req: Request) async throws -> Response {
        try await renderCheck(req, error: nil, status: .ok)
    }

    func check(req: Request) async throws -> Response {
        let user = try req.requireUser(.operator)
        guard let gate = user.checkpointID else { throw AppError.forbidden }
        struct Form: Decodable { var items: [String]? }
        let ticked = Set((try? req.content.decode(Form.self))?.items ?? [])
        let missing = ShiftCheckItem.missing(from: ticked)
        guard missing.isEmpty else {
            let lang = req.language.rawValue
            let message = LocalizedText(zh: "上岗前请逐项确认：", en: "Before the shift, confirm each item: ").text(for: lang)
                + missing.map { $0.label.text(for: lang) }.joined(separator: lang == "en" ? "; " : "；")
            return try await renderCheck(req, error: message, status: .unprocessableEntity)
        }
        let day = req.gatehouse.today.description
        if try await ShiftCheck.query(on: req.db).filter(\.$userID == user.id!).filter(\.$checkpointID == gate).filter(\.$day == day).count() == 0 {
            try await ShiftCheck(userID: user.id!, checkpointID: gate, day: day, at: req.gatehouse.clock.now()).create(on: req.db)
        }
        return req.redirect(to: .gate(.scan))
    }

    private func renderTraining(_ req: Request, _ community: Community, errors: FieldErrors, status: HTTPStatus) async throws -> Response {
        let staff = try await User.query(on: req.db).filter(\.$communityID == community.id!).filter(\.$role == Role.operator.rawValue)
            .sort(\.$username).all()
        let names = StaffNames.byID(staff, services: req.gatehouse)
        let roster = StaffRoster(services: req.gatehouse, db: req.db)
        let volunteers = try await roster.rows(community: community.id!)
        let memberNames = try await roster.names(community: community.id!)
        let volunteer = LocalizedText(zh: "（名册）", en: " (roster)").text(for: req.language.rawValue)
        let records = try await TrainingRecord.query(on: req.db).filter(\.$communityID == community.id!).sort(\.$trainedOn, .descending).all()
        return try await req.view.render("staff/training", TrainingPage(
            page: PageContext(req, title: Strings.text("training", req.language)), community: CommunityHeading(community),
            staff: staff.map { SelectOption(value: "user:" + $0.id!.uuidString, label: names[$0.id!] ?? $0.username) }
                + volunteers.map { SelectOption(value: "member:" + $0.id.uuidString, label: $0.name + volunteer + " · " + $0.duty) },
            records: records.map { r in
                TrainingRow(operatorName: r.userID.flatMap { names[$0] } ?? r.memberID.flatMap { memberNames[$0].map { $0 + volunteer } } ?? "",
                            trainedOn: r.trainedOn, trainer: r.trainer, thermometerModel: r.thermometerModel)
            },
            errors: errors)).encodeResponse(status: status, for: req)
    }

    func training(req: Request) async throws -> Response {
        let (_, community) = try await req.community(.communityAdmin, .districtAdmin)
        return try await renderTraining(req, community, errors: [:], status: .ok)
    }

    func addTraining(req: Request) async throws -> Response {
        let (admin, community) = try await req.community(.communityAdmin, .districtAdmin)
        let form = try req.content.decode(TrainingForm.self)
        let lang = req.language.rawValue
        var errors: FieldErrors = [:]
        let chosen = form.staffId ?? form.userId.map { "user:" + $0.uuidString } ?? ""
        let id = UUID(uuidString: String(chosen.split(separator: ":").last ?? ""))
        var staff: User?
        var member: RosterMember?
        if chosen.hasPrefix("member:") {
            member = try await RosterMember.find(id, on: req.db)
            if member?.communityID != community.id || member?.leftAt != nil { member = nil }
        } else {
            staff = try await User.find(id, on: req.db)
            if staff?.communityID != community.id || staff?.roleValue != .operator { staff = nil }
        }
        if staff == nil, member == nil {
            errors["userId"] = LocalizedText(zh: "请选择本社区的值守人员", en: "Choose a gate operator of this community").text(for: lang)
        }
        let today = req.gatehouse.today
        let day = form.trainedOn.flatMap(CalendarDate.init(parsing:))
        if day == nil || day! > today || day! < today.adding(days: -3660) {
            errors["trainedOn"] = LocalizedText(zh: "请选择培训日期（不晚于今天）", en: "Choose the training date (not after today)").text(for: lang)
        }
        let trainer = form.trainer?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if trainer.isEmpty || trainer.count > 40 { errors["trainer"] = LocalizedText(zh: "请填写培训人（40字以内）", en: "Name the trainer (at most 40 characters)").text(for: lang) }
        let model = form.thermometerModel?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if model.isEmpty || model.count > 40 { errors["thermometerModel"] = LocalizedText(zh: "请填写体温计型号（40字以内）", en: "Name the thermometer model (at most 40 characters)").text(for: lang) }
        guard errors.isEmpty, let day else { return try await renderTraining(req, community, errors: errors, status: .unprocessableEntity) }
        let r = TrainingRecord()
        r.communityID = community.id!
        r.userID = staff?.id
        r.memberID = member?.id
        r.trainedOn = day.description
        r.trainer = trainer
        r.thermometerModel = model
        r.recordedBy = admin.id!
        r.createdAt = req.gatehouse.clock.now()
        try await r.create(on: req.db)
        return req.redirect(to: .community(.value(community.id!), .training))
    }
}
