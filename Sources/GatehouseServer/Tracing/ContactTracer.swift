import Fluent
import SQLKit
import Foundation
import GatehouseCore

/// Runs a contact trace for a health worker: finds the person in the communities of their scope (blind index of
/// the ID number or phone), their passages over the last days, and the co-present passages at the same gates.
/// Refuses without a reason; the caller audits every trace.
struct ContactTracer {
    let services: GatehouseServices
    let db: any Database
    let language: Language
    /// The most passages one window lists (a gate with more than this within the window is a gate to trace by a
    /// narrower window; the trace says how many windows were cut).
    var contactsPerWindow = 2000

    struct Checked {
        let persons: [Person]
        let days: Int
        let windowMinutes: Int
        let reason: String
        let lookup: String
    }

    /// Validates the request and finds the person (in every community of the scope where they were seen).
    func check(_ input: ContactTraceInput, scope: AccessScope) async throws -> Checked {
        let reason = input.reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard reason.count >= 4, reason.count <= 100 else {
            throw AppError(.unprocessableEntity, "reason_required", zh: "请写明流调事由（4至100字，如：确诊病例密接排查）",
                           en: "State the reason (4 to 100 characters, e.g. contacts of a confirmed case)")
        }
        let days = input.days ?? 14
        guard (1...28).contains(days) else {
            throw AppError(.unprocessableEntity, "invalid_days", zh: "追溯天数为1至28天", en: "From 1 to 28 days back")
        }
        let window = input.windowMinutes ?? 15
        guard (1...120).contains(window) else {
            throw AppError(.unprocessableEntity, "invalid_window", zh: "时间窗口为1至120分钟", en: "A window of 1 to 120 minutes")
        }
        let communities = try await scope.communities(on: db).map { $0.id! }
        var query = Person.query(on: db).filter(\.$communityID ~~ communities)
        let lookup: String
        if let text = input.idNumber?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            let id = try GateService.idNumber(text, today: services.today)
            query = query.filter(\.$idNumberIndex == services.blindIndex.idNumber(id))
            lookup = "id number"
        } else if let text = input.phone?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard let phone = try GateService.optionalPhone(text) else { throw AppError.notFound }
            query = query.filter(\.$phoneIndex == services.blindIndex.phone(phone))
            lookup = "phone"
        } else {
            throw AppError(.unprocessableEntity, "person_required", zh: "请输入身份证号或手机号", en: "Enter an ID number or a phone number")
        }
        let persons = try await query.all()
        guard !persons.isEmpty else {
            throw AppError(.notFound, "person_not_found", zh: "辖区内没有此人的通行记录", en: "No passages of this person in your area")
        }
        return Checked(persons: persons, days: days, windowMinutes: window, reason: reason, lookup: lookup)
    }

    func trace(_ c: Checked) async throws -> ContactTrace {
        let since = services.clock.now() - TimeInterval(c.days * 86_400)
        let ids = c.persons.map { $0.id! }
        let sql = db as! any SQLDatabase
        // idx_passages_person for the person's own passages, idx_passages_checkpoint_time for each window.
        let own = try await PassageLine.select(where: "person_id IN (\(binds: ids)) AND recorded_at >= \(bind: since)",
                                               orderBy: "recorded_at", on: sql)
        let marks = own.map { (checkpoint: $0.checkpointID, at: $0.recordedAt) }
        let windows = ContactWindows.windows(around: marks, minutes: c.windowMinutes)
        var contacts: [PassageLine] = []
        var capped = 0
        for found in try await Self.read(windows, limit: contactsPerWindow + 1, on: sql) {
            if found.count > contactsPerWindow { capped += 1 }
            contacts += found.prefix(contactsPerWindow).filter { p in p.personID.map { !ids.contains($0) } ?? true }
        }
        let all = own + contacts
        let gates = try await Checkpoint.query(on: db).filter(\.$id ~~ Set(all.map(\.checkpointID))).all()
        let gateNames = Dictionary(uniqueKeysWithValues: gates.map { ($0.id!, $0.name) })
        let communities = try await Community.query(on: db).filter(\.$id ~~ Set(all.map(\.communityID))).all()
        let communityNames = Dictionary(uniqueKeysWithValues: communities.map { ($0.id!, $0.name) })
        let labels = try await Self.householdLabels(Set(all.compactMap(\.householdID)), on: sql)
        let lang = language.rawValue
        func line(_ p: PassageLine, apart: Int?) -> ContactTrace.Line {
            ContactTrace.Line(time: ChinaTime.text(p.recordedAt, "yyyy-MM-dd HH:mm"), communityName: communityNames[p.communityID] ?? "",
                              checkpointName: gateNames[p.checkpointID] ?? "",
                              direction: (Direction(rawValue: p.direction) ?? .in).label.text(for: lang),
                              nameMasked: p.nameMasked, phoneMasked: p.phoneMasked, householdLabel: p.householdID.flatMap { labels[$0] },
                              temperature: BodyTemperature.text(tenths: p.temperatureTenths), abnormal: p.status == "abnormal",
                              minutesApart: apart)
        }
        let lines = contacts.map { line($0, apart: ContactWindows.minutesApart($0.recordedAt, checkpoint: $0.checkpointID, from: marks)) }
        let grouped = ContactGroups.build(contacts, lines: lines, labels: labels)
        return ContactTrace(subjectMasked: c.persons[0].nameMasked, days: c.days, windowMinutes: c.windowMinutes, cappedWindows: capped,
                            passages: own.map { line($0, apart: nil) }, contacts: grouped.lines, groups: grouped.groups)
    }

    /// Each household's label by id (a busy gate's contacts come from thousands of households: plain columns, by the
    /// primary key, a thousand at a time — loading them as models took a third of the trace).
    static func householdLabels(_ ids: Set<UUID>, on sql: any SQLDatabase) async throws -> [UUID: String] {
        var labels: [UUID: String] = [:]
        let all = Array(ids)
        for start in stride(from: 0, to: all.count, by: 1000) {
            let chunk = all[start..<min(start + 1000, all.count)]
            for row in try await sql.raw("SELECT id, label FROM households WHERE id IN (\(binds: Array(chunk)))").all() {
                labels[try row.decode(column: "id", as: UUID.self)] = try row.decode(column: "label", as: String.self)
            }
        }
        return labels
    }

    /// How many windows are read at once: the database reads one while the server decodes another.
    static let windowsAtOnce = 3

    /// The passages of each window (in the windows' order), at most `limit` each, a few windows at a time.
    static func read(_ windows: [ContactWindows.Window], limit: Int, on sql: any SQLDatabase) async throws -> [[PassageLine]] {
        var found = [[PassageLine]](repeating: [], count: windows.count)
        try await withThrowingTaskGroup(of: (Int, [PassageLine]).self) { group in
            var next = 0, running = 0
            repeat {
                while next < windows.count, running < windowsAtOnce {
                    let (n, w) = (next, windows[next])
                    group.addTask {
                        (n, try await PassageLine.select(
                            where: "checkpoint_id = \(bind: w.checkpoint) AND recorded_at >= \(bind: w.start) AND recorded_at <= \(bind: w.end)",
                            orderBy: "recorded_at", limit: limit, on: sql))
                    }
                    next += 1
                    running += 1
                }
                guard let (n, rows) = try await group.next() else { break }
                found[n] = rows
                running -= 1
            } while running > 0 || next < windows.count
        }
        return found
    }
}
