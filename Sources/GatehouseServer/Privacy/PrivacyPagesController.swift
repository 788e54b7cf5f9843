import Fluent
import GatehouseCore
import Vapor

/// A community's personal-data page (`/admin/communities/{id}/privacy`): the retention period, a purge on demand,
/// the purge log (counts only), the daily figures that outlive purged passages, and the stand-down.
struct PrivacyPagesController: RouteCollection {
    struct PurgeRow: Encodable {
        let kind: String
        let at: String
        let kindLabel: String
        let by: String
        let total: Int
        let summary: String
    }

    struct FigureRow: Encodable {
        let day: String
        let entries: Int
        let exits: Int
        let refused: Int
        let abnormal: Int
    }

    struct Page: Encodable {
        let page: PageContext
        let community: CommunityHeading
        let retentionDays: String
        let stoodDown: String?
        let purges: [PurgeRow]
        let figures: [FigureRow]
        let errors: FieldErrors
    }

    struct RetentionForm: Content { var days: String? }
    struct StandDownForm: Content { var confirm: String? }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.community(.key, .privacy), use: show)
        routes.post(.community(.key, .retention), use: setRetention)
        routes.post(.community(.key, .purge), use: purgeNow)
        routes.post(.community(.key, .standDown), use: standDown)
    }

    func show(req: Request) async throws -> Response {
        let (_, community) = try await req.community(.communityAdmin, .districtAdmin)
        let notice = req.query[String.self, at: "done"].flatMap { ["retention": "retention_saved", "purge": "purge_done",
                                                                  "stand-down": "stand_down_done"][$0] }
        return try await render(req, community, notice: notice.map { Strings.text($0, req.language) }, days: nil, errors: [:], status: .ok)
    }

    private func render(_ req: Request, _ community: Community, notice: String?, days: String?, errors: FieldErrors,
                        status: HTTPStatus) async throws -> Response {
        let cid = community.id!
        let runs = try await PurgeRun.query(on: req.db).filter(\.$communityID == cid).sort(\.$at, .descending).limit(50).all()
        let byIDs = Set(runs.compactMap(\.by) + [community.stoodDownBy].compactMap { $0 })
        let users = try await User.query(on: req.db).filter(\.$id ~~ byIDs).all()
        let names = StaffNames.byID(users, services: req.gatehouse)
        let job = Strings.text("purge_by_job", req.language)
        let purges = runs.map { run in
            let counts = (try? JSONDecoder().decode(PurgeCounts.self, from: Data(run.counts.utf8))) ?? PurgeCounts()
            return PurgeRow(kind: run.kind, at: ChinaTime.onScreen(run.at, now: req.gatehouse.clock.now()),
                            kindLabel: Strings.text("purge_kind_" + run.kind, req.language),
                            by: run.by.flatMap { names[$0] } ?? job, total: run.total, summary: counts.summary)
        }
        let counts = try await DailyCount.query(on: req.db).filter(\.$communityID == cid).sort(\.$day, .descending).limit(2000).all()
        var byDay: [String: FigureRow] = [:]
        for c in counts {
            let f = byDay[c.day]
            byDay[c.day] = FigureRow(day: c.day, entries: (f?.entries ?? 0) + c.entries, exits: (f?.exits ?? 0) + c.exits,
                                     refused: (f?.refused ?? 0) + c.refused, abnormal: (f?.abnormal ?? 0) + c.abnormal)
        }
        let stoodDown = community.stoodDownAt.map { at in
            ChinaTime.onScreen(at, now: req.gatehouse.clock.now()) + (community.stoodDownBy.flatMap { names[$0] }.map { " · " + $0 } ?? "")
        }
        let page = Page(page: PageContext(req, title: Strings.text("privacy_page", req.language), notice: notice),
                        community: CommunityHeading(community), retentionDays: days ?? String(community.retentionDays),
                        stoodDown: stoodDown, purges: purges,
                        figures: byDay.values.sorted { $0.day > $1.day }.prefix(90).map { $0 }, errors: errors)
        return try await req.view.render("privacy/privacy", page).encodeResponse(status: status, for: req)
    }

    func setRetention(req: Request) async throws -> Response {
        let (_, community) = try await req.community(.communityAdmin, .districtAdmin)
        let form = try req.content.decode(RetentionForm.self)
        guard let period = form.days.flatMap(RetentionPeriod.init(parsing:)) else {
            return try await render(req, community, notice: nil, days: form.days,
                                    errors: ["days": Strings.text("retention_invalid", req.language)], status: .unprocessableEntity)
        }
        community.retentionDays = period.days
        try await community.save(on: req.db)
        return req.redirect(to: .community(.value(community.id!), .privacy), ["done": "retention"])
    }

    func purgeNow(req: Request) async throws -> Response {
        let (user, community) = try await req.community(.communityAdmin, .districtAdmin)
        let counts = try await PersonalDataPurge(services: req.gatehouse, db: req.db).purgeExpired(community, by: user)
        req.logger.info("Retention purge of community \(community.id!) by \(user.username): \(counts.summary)")
        return req.redirect(to: .community(.value(community.id!), .privacy), ["done": "purge"])
    }

    func standDown(req: Request) async throws -> Response {
        let (user, community) = try await req.community(.communityAdmin, .districtAdmin)
        let form = try req.content.decode(StandDownForm.self)
        guard form.confirm?.trimmingCharacters(in: .whitespaces) == community.name else {
            return try await render(req, community, notice: nil, days: nil,
                                    errors: ["confirm": Strings.text("stand_down_mismatch", req.language)], status: .unprocessableEntity)
        }
        let counts = try await PersonalDataPurge(services: req.gatehouse, db: req.db).standDown(community, by: user)
        req.logger.info("Community \(community.id!) stood down by \(user.username): \(counts.summary)")
        return req.redirect(to: .community(.value(community.id!), .privacy), ["done": "stand-down"])
    }
}
