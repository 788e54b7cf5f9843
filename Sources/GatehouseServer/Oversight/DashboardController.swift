import Fluent
import GatehouseCore
import Vapor

/// `/admin/communities/{id}/dashboard`: a community's figures on one phone screen, following the gates live; and
/// `/admin/rollup`: the same figures for every community of a subdistrict or district, with totals.
struct DashboardController: RouteCollection {
    struct Page: Encodable {
        let page: PageContext
        let figures: CommunityFigures
        let chart: String
        let updatedAt: String
        let fragment: Bool
    }

    struct RollupPage: Encodable {
        let page: PageContext
        let rows: [CommunityFigures]
        let total: CommunityFigures?
        let chart: String
        let updatedAt: String
    }

    static let viewers: [Role] = [.communityAdmin, .districtAdmin, .health, .police]

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.community(.key, .dashboard), use: dashboard)
        routes.get(.admin(.rollup), use: rollup)
    }

    static func chart(_ f: CommunityFigures, _ req: Request) -> String {
        HourlyChart(entries: f.entriesByHour, exits: f.exitsByHour, title: Strings.text("per_hour_today", req.language),
                    inLabel: Strings.text("direction_in", req.language), outLabel: Strings.text("direction_out", req.language)).svg
    }

    /// `?fragment=1` renders only the figures (the page's script swaps them in when the gates record something).
    func dashboard(req: Request) async throws -> View {
        let (user, community) = try await req.community(.communityAdmin, .districtAdmin, .health, .police)
        let figures = try await OversightFigures(services: req.gatehouse, db: req.db, language: req.language).figures(for: [community])[0]
        let fragment = (try? req.query.get(Int.self, at: "fragment")) == 1
        if !fragment { try await AuditLog(services: req.gatehouse, db: req.db).policeView("dashboard", by: user, community: community.id) }
        let page = Page(page: PageContext(req, title: Strings.text("dashboard", req.language) + " · " + community.name),
                        figures: figures, chart: Self.chart(figures, req),
                        updatedAt: ChinaTime.text(req.gatehouse.clock.now(), "HH:mm:ss"), fragment: fragment)
        return try await req.view.render(fragment ? "oversight/dashboard-figures" : "oversight/dashboard", page)
    }

    func rollup(req: Request) async throws -> View {
        let user = try req.requireUser(.districtAdmin, .health, .police)
        let communities = try await AccessScope(user).communities(on: req.db)
        let rows = try await OversightFigures(services: req.gatehouse, db: req.db, language: req.language).figures(for: communities)
        let total = RollupTotal.sum(rows, name: Strings.text("total", req.language))
        return try await req.view.render("oversight/rollup", RollupPage(
            page: PageContext(req, title: Strings.text("rollup", req.language)), rows: rows, total: total,
            chart: total.map { Self.chart($0, req) } ?? "", updatedAt: ChinaTime.text(req.gatehouse.clock.now(), "HH:mm:ss")))
    }
}
