import Fluent
import GatehouseCore
import Vapor

/// `/health/tracing`: contact tracing for health staff only. Every trace needs a stated reason and is audited, as is
/// every export of one. Posted forms keep the ID number and the reason out of addresses and server logs.
struct TracingController: RouteCollection {
    struct Page: Encodable {
        let page: PageContext
        let input: ContactTraceInput
        let trace: ContactTrace?
        let error: String?
        /// Set when the busiest windows were cut (`ContactTrace.cappedWindows`).
        let cappedNotice: String?
        /// Every contact found; the page lists the first `pageContacts` (the export has them all).
        let contactsTotal: Int
        /// Set when the page lists fewer contacts than were found.
        let shortenedNotice: String?
        /// The contacts as people to act on, the first `pageContacts` groups.
        let groups: [ContactGroup]
    }

    /// The most contacts the page lists: a phone cannot show tens of thousands of rows; the files hold them all.
    static let pageContacts = 500

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.health(.tracing), use: form)
        routes.post(.health(.tracing), use: run)
        routes.post(.health(.tracingExport), use: export)
        routes.post(.health(.tracingReveal), use: reveal)
        routes.post(.health(.tracingActions), use: act)
    }

    private func render(_ req: Request, _ input: ContactTraceInput, trace: ContactTrace?, error: String?, status: HTTPStatus,
                        notice: String? = nil) async throws -> Response {
        let total = trace?.groups.count ?? 0
        let shown = trace.map { t in
            ContactTrace(subjectMasked: t.subjectMasked, days: t.days, windowMinutes: t.windowMinutes, cappedWindows: t.cappedWindows,
                         passages: t.passages, contacts: [], groups: Array(t.groups.prefix(Self.pageContacts)))
        }
        let shortened = total > Self.pageContacts
            ? Strings.text("trace_shortened", req.language).replacingOccurrences(of: "{n}", with: String(Self.pageContacts)) : nil
        return try await req.view.render("tracing/tracing", Page(page: PageContext(req, title: Strings.text("contact_tracing", req.language), notice: notice),
                                                  input: input, trace: shown, error: error,
                                                  cappedNotice: trace.flatMap { $0.cappedWindows > 0 ? ContactTraceFile.cappedNotice($0, language: req.language) : nil },
                                                  contactsTotal: total, shortenedNotice: shortened, groups: shown?.groups ?? []))
            .encodeResponse(status: status, for: req)
    }

    func form(req: Request) async throws -> Response {
        _ = try req.requireUser(.health)
        return try await render(req, ContactTraceInput(days: 14, windowMinutes: 15), trace: nil, error: nil, status: .ok)
    }

    /// Checks, traces and audits; the trace itself.
    static func traced(_ req: Request, _ input: ContactTraceInput, action: AuditAction, format: String? = nil) async throws -> ContactTrace {
        let user = try req.requireUser(.health)
        let tracer = ContactTracer(services: req.gatehouse, db: req.db, language: req.language)
        let checked = try await tracer.check(input, scope: AccessScope(user))
        let trace = try await tracer.trace(checked)
        try await AuditLog(services: req.gatehouse, db: req.db).record(
            action, by: user, community: checked.persons.count == 1 ? checked.persons[0].communityID : nil,
            target: "person:" + checked.persons.map { $0.id!.uuidString }.joined(separator: ","),
            detail: "\(format.map { $0 + " " } ?? "")by \(checked.lookup), \(checked.days) days, ±\(checked.windowMinutes) min: "
                + "\(trace.passages.count) passages, \(trace.contacts.count) contacts",
            reason: checked.reason)
        return trace
    }

    func run(req: Request) async throws -> Response {
        let input = try req.content.decode(ContactTraceInput.self)
        do {
            return try await render(req, input, trace: try await Self.traced(req, input, action: .contactTrace), error: nil, status: .ok)
        } catch let e as AppError where [.unprocessableEntity, .notFound].contains(e.status) && e.code != "not_found" {
            return try await render(req, input, trace: nil, error: e.message.text(for: req.language.rawValue), status: e.status)
        }
    }

    func export(req: Request) async throws -> Response {
        struct Format: Decodable { var format: String? }
        let input = try req.content.decode(ContactTraceInput.self)
        let format = (try? req.content.decode(Format.self))?.format == "xlsx" ? "xlsx" : "csv"
        let trace = try await Self.traced(req, input, action: .exportContactTrace, format: format)
        var headers = HTTPHeaders()
        headers.cacheControl = .init(noStore: true)
        if format == "xlsx" {
            headers.contentType = .init(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            headers.contentDisposition = .init(.attachment, filename: "contact-trace.xlsx")
            return Response(status: .ok, headers: headers, body: .init(data: try ContactTraceFile.xlsx(trace, language: req.language)))
        }
        headers.contentType = .init(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.contentDisposition = .init(.attachment, filename: "contact-trace.csv")
        return Response(status: .ok, headers: headers, body: .init(string: ContactTraceFile.csv(trace, language: req.language)))
    }

    /// A contact's phone to call them back, after a stated reason: audited, and in that person's data report. Answers
    /// JSON to the page's script (the phone shown in place) and a small page without it.
    func reveal(req: Request) async throws -> Response {
        let user = try req.requireUser(.health)
        struct Form: Decodable { var personId: UUID? }
        let form = try req.content.decode(Form.self)
        let communities = try await AccessScope(user).communities(on: req.db).map { $0.id! }
        guard let person = try await Person.find(form.personId, on: req.db), communities.contains(person.communityID) else { throw AppError.notFound }
        let wantsJSON = req.headers.accept.contains { $0.mediaType == .json }
        guard let reason = PersonReveal.reason(of: req) else {
            let message = Strings.text("reveal_reason_required", req.language)
            if wantsJSON { return try await ["error": ["code": "reason_required", "message": message]].encodeResponse(status: .unprocessableEntity, for: req) }
            throw AppError(.unprocessableEntity, "reason_required", zh: Strings.text("reveal_reason_required", .zh), en: Strings.text("reveal_reason_required", .en))
        }
        let revealed = try await PersonReveal.openPhone(person, reason: reason, by: user, target: "personID=\(person.id!)",
                                                        services: req.gatehouse, db: req.db)
        // `shown` is what the page writes in place: the phone, or a sentence when none is on record.
        let shown = revealed.phone ?? LocalizedText(zh: "未登记电话", en: "No phone on record").text(for: req.language.rawValue)
        if wantsJSON { return try await ["name": revealed.name, "phone": revealed.phone ?? "", "shown": shown].encodeResponse(for: req) }
        struct RevealPage: Encodable { let page: PageContext; let revealed: PersonReveal }
        return try await req.view.render("tracing/revealed", RevealPage(
            page: PageContext(req, title: Strings.text("reveal_phone", req.language)), revealed: revealed)).encodeResponse(for: req)
    }

    /// The selected contacts of the trace just run into monitoring or home quarantine, then the trace again with
    /// what was done.
    func act(req: Request) async throws -> Response {
        let user = try req.requireUser(.health)
        let input = try req.content.decode(ContactTraceInput.self)
        struct Form: Decodable { var contacts: [String]?; var action: String? }
        let form = try req.content.decode(Form.self)
        let trace: ContactTrace
        do { trace = try await Self.traced(req, input, action: .contactTrace) } catch let e as AppError where [.unprocessableEntity, .notFound].contains(e.status) {
            return try await render(req, input, trace: nil, error: e.message.text(for: req.language.rawValue), status: e.status)
        }
        let keys = Set(form.contacts ?? [])
        let chosen = trace.groups.filter { keys.contains($0.key) }
        guard let action = form.action.flatMap(ContactActions.Action.init(rawValue:)), !chosen.isEmpty else {
            return try await render(req, input, trace: trace, error: Strings.text("choose_contacts", req.language), status: .unprocessableEntity)
        }
        let outcome = try await ContactActions(services: req.gatehouse, db: req.db).apply(action, to: chosen, reason: input.reason ?? "", by: user)
        return try await render(req, input, trace: trace, error: nil, status: .ok,
                                notice: ContactActionNotice.text(action, outcome, language: req.language))
    }
}
