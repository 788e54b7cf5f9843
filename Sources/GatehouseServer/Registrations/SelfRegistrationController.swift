import Fluent
import GatehouseCore
import Vapor

/// The public self-registration pages behind a gate's poster QR (`/r/{poster code}`): no login, Chinese first.
/// Picking a category shows only its fields; a submission gives a code for the guard and a status link. Limited per
/// IP and per phone; a repeat of the same day is merged.
struct SelfRegistrationController: RouteCollection {
    struct Category: Encodable {
        let code: String
        let label: String
    }

    struct StartPage: Encodable {
        let page: PageContext
        let poster: String
        let gateName: String
        let communityName: String
        let categories: [Category]
    }

    struct FormPage: Encodable {
        let page: PageContext
        let poster: String
        let gateName: String
        let communityName: String
        let category: String
        let categoryLabel: String
        let purpose: String
        /// The community's retention period, as its privacy page sets it.
        let retentionDays: Int
        let fields: [RegistrationFormField]
        /// What was sent, for the household's address parts.
        let values: [String: String]
        let formError: String?
    }

    struct StatusPage: Encodable {
        let page: PageContext
        let status: RegistrationStatus
    }

    /// Per IP: 60 submissions in 10 minutes (a crowd at one gate may share a carrier's address); per phone: 6 an hour.
    static let ipLimit = (count: 60, seconds: 600.0)
    static let phoneLimit = (count: 6, seconds: 3600.0)

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.registrationStatus(.key), use: status)
        routes.get(.poster(.key), use: start)
        routes.get(.posterCategory(.key, .key), use: form)
        routes.post(.posterCategory(.key, .key), use: submit)
    }

    func start(req: Request) async throws -> View {
        let (gate, community) = try await SelfRegistrationService.gate(posterCode: req.parameters.get("poster"), on: req.db)
        let lang = req.language.rawValue
        return try await req.view.render("registrations/register-start", StartPage(
            page: PageContext(req, title: Strings.text("self_registration", req.language)), poster: gate.registrationCode ?? "",
            gateName: gate.name, communityName: community.name,
            categories: RegistrationCategory.allCases.map { Category(code: $0.rawValue, label: $0.label.text(for: lang)) }))
    }

    func form(req: Request) async throws -> View {
        try await renderForm(req, values: [:], symptoms: [], errors: [:], formError: nil)
    }

    func submit(req: Request) async throws -> Response {
        let (gate, community) = try await SelfRegistrationService.gate(posterCode: req.parameters.get("poster"), on: req.db)
        let category = try Self.category(req)
        let form = try req.content.decode(StringFields.self).values
        struct Symptoms: Decodable { var symptoms: [String]? }
        let symptoms = ((try? req.content.decode(Symptoms.self))?.symptoms ?? form["symptoms"].map { [$0] } ?? []).prefix(10).map { String($0.prefix(20)) }
        let values = form.filter { $0.key != CSRFMiddleware.field }.mapValues { String($0.prefix(200)) }
        let now = req.gatehouse.clock.now()
        let ip = ClientAddress.of(req)
        guard await req.application.rateLimiter.allow("register-ip:" + ip, limit: Self.ipLimit.count, window: Self.ipLimit.seconds, now: now) else {
            throw Self.tooMany
        }
        switch SelfRegistrationForm(today: req.gatehouse.today, divisions: req.gatehouse.divisions).check(category, values: values, symptoms: symptoms) {
        case .failure(let errors):
            return try await renderForm(req, values: values, symptoms: symptoms, errors: errors.messages,
                                        formError: Strings.text("form_has_errors", req.language))
                .encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let details):
            let phoneKey = "register-phone:" + req.gatehouse.blindIndex.phone(details.phone)
            guard await req.application.rateLimiter.allow(phoneKey, limit: Self.phoneLimit.count, window: Self.phoneLimit.seconds, now: now) else {
                throw Self.tooMany
            }
            do {
                let done = try await SelfRegistrationService(services: req.gatehouse, db: req.db).submit(details, gate: gate, community: community)
                if let household = done.registration.householdID, category == .visitor {
                    await req.live.publish(LiveEvent(type: "visitor", payload: ["id": done.registration.id!]), to: .household(household))
                }
                return req.redirect(to: .registrationStatus(.value(done.statusToken)))
            } catch let error as AppError where error.code == "unknown_household" {
                return try await renderForm(req, values: values, symptoms: symptoms, errors: ["household": error.message],
                                            formError: Strings.text("form_has_errors", req.language))
                    .encodeResponse(status: .unprocessableEntity, for: req)
            }
        }
    }

    func status(req: Request) async throws -> Response {
        let r = try await SelfRegistrationService.registration(statusToken: req.parameters.get("token"), on: req.db)
        let status = try await RegistrationStatus.build(r, services: req.gatehouse, db: req.db, language: req.language)
        let response = try await req.view.render("registrations/register-status", StatusPage(
            page: PageContext(req, title: Strings.text("self_registration", req.language)), status: status)).encodeResponse(for: req)
        response.headers.cacheControl = .init(noStore: true)
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "no-referrer")
        return response
    }

    private func renderForm(_ req: Request, values: [String: String], symptoms: [String], errors: [String: LocalizedText],
                            formError: String?) async throws -> View {
        let (gate, community) = try await SelfRegistrationService.gate(posterCode: req.parameters.get("poster"), on: req.db)
        let category = try Self.category(req)
        let lang = req.language.rawValue
        return try await req.view.render("registrations/register-form", FormPage(
            page: PageContext(req, title: category.label.text(for: lang)), poster: gate.registrationCode ?? "",
            gateName: gate.name, communityName: community.name, category: category.rawValue,
            categoryLabel: category.label.text(for: lang), purpose: category.purpose.text(for: lang),
            retentionDays: community.retentionDays, fields: RegistrationFormField.fields(for: category, values: values, symptoms: symptoms, errors: errors,
                                                 divisions: req.gatehouse.divisions, language: lang),
            values: values, formError: formError))
    }

    private static func category(_ req: Request) throws -> RegistrationCategory {
        guard let c = req.parameters.get("category").flatMap(RegistrationCategory.init(rawValue:)) else { throw AppError.notFound }
        return c
    }

    static let tooMany = AppError(.tooManyRequests, "too_many_registrations",
                                  zh: "提交太频繁，请稍后再试", en: "Too many submissions: try again later")
}
