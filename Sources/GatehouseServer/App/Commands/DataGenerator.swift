import Fluent
import Foundation
import GatehouseCore
import GatehouseStore
import SQLKit
import Vapor

/// Fills an empty database with a city's worth of data for the scale measurements (`gatehouse generate`): a
/// district of communities (with a district admin `gen-admin` and a health worker `gen-health`), each with one open
/// gate, one operator, households and residents from the office's own
/// import sheet (checked as an import checks it; sealed, with blind indexes; written in bulk by
/// `GeneratedResidents`) and their household passes; then passages over the last days, written with multi-row SQLKit
/// inserts (half by household pass, half by a resident's ID card, in and out).
struct DataGenerator {
    struct Plan: Sendable {
        var communities = 100
        var residentsPerCommunity = 10_000
        var passages = 10_000_000
        var days = 30
        var seed: UInt64 = 1
        /// Extra passages at the first community's gate within the last 24 hours: one busy day to export.
        var busyDay = 0
    }

    struct Summary: Sendable {
        let communities: Int
        let residents: Int
        let passes: Int
        let passages: Int
    }

    let services: GatehouseServices
    let db: any Database
    let hasher: AsyncPasswordHasher
    let log: @Sendable (String) -> Void

    static let password = "gatehouse-generated"

    private struct Gate {
        let community: UUID
        let checkpoint: UUID
        let operatorID: UUID
        var households: [(id: UUID, pass: UUID?, label: String)] = []
        var residents: [(person: UUID, household: UUID, name: String, phone: String)] = []
    }

    func run(_ plan: Plan) async throws -> Summary {
        let existing = try await Community.query(on: db).count()
        guard existing == 0 else {
            throw ConfigurationError("gatehouse generate fills an empty database only (this one holds \(existing) communities)")
        }
        var rng = SeededGenerator(seed: plan.seed)
        let now = services.clock.now()
        let district = District(name: "压测示范区", divisionCode: nil, isDemo: true, createdAt: now)
        try await district.create(on: db)
        let editing = OrganisationEditing(services: services, db: db)
        var gates: [Gate] = []
        var subdistrict: Subdistrict?
        for n in 0..<plan.communities {
            if n % 20 == 0 { subdistrict = try await editing.addSubdistrict(name: "第\(n / 20 + 1)街道", districtID: district.id!) }
            let community = try await editing.addCommunity(name: "第\(n + 1)社区", address: nil, subdistrict: subdistrict!)
            let gate = try await editing.addCheckpoint(name: "东门", isOpen: true, community: community)
            let user = try await OperatorRegistration(services: services, db: db).register(
                .init(enrolmentCode: gate.enrolmentCode, userCode: String(format: "YC%05d", n), name: "值守员", phone: "13900000000",
                      unitName: "压测", username: "gen-op-\(n + 1)", password: Self.password, passwordAgain: nil),
                language: .zh, hasher: hasher)
            let sheet = ResidentImportSheet(csv: Self.sheet(community: n, residents: plan.residentsPerCommunity), today: services.today)
            guard sheet.problems.isEmpty else { throw ConfigurationError("generated residents were refused: \(sheet.problems.prefix(3))") }
            _ = try await GeneratedResidents(services: services, db: db).write(sheet, community: community, by: user.id!)
            gates.append(try await load(Gate(community: community.id!, checkpoint: gate.id!, operatorID: user.id!)))
            if (n + 1) % 10 == 0 || n + 1 == plan.communities { log("communities: \(n + 1)/\(plan.communities)") }
        }
        // The district's own office and health desk, for the list, export and trace measurements (BENCHMARKS.md).
        for (username, role) in [("gen-admin", Role.districtAdmin), ("gen-health", .health)] {
            _ = try await AccountCreation(services: services, db: db).create(
                .init(username: username, password: Self.password, name: role == .health ? "卫健专员" : "区管理员", phone: nil, role: role.rawValue),
                placement: (district.id, nil, nil), createdBy: nil, language: .zh, hasher: hasher)
        }
        var streams = [PassageStream(count: plan.passages, gates: gates, span: Double(plan.days) * 86_400)]
        if plan.busyDay > 0, let busy = gates.first { streams.append(PassageStream(count: plan.busyDay, gates: [busy], span: 86_400)) }
        let written = try await writePassages(streams, now: now, rng: &rng)
        return Summary(communities: gates.count, residents: gates.reduce(0) { $0 + $1.residents.count },
                       passes: gates.reduce(0) { $0 + $1.households.filter { $0.pass != nil }.count }, passages: written)
    }

    /// The households (with their pass) and residents of a gate's community, as the passages need them.
    private func load(_ gate: Gate) async throws -> Gate {
        struct HouseholdRow: Decodable { let id: UUID; let label: String }
        struct PassRow: Decodable { let id: UUID; let household_id: UUID }
        struct ResidentRow: Decodable { let person_id: UUID; let household_id: UUID; let name_masked: String; let phone_masked: String }
        let sql = db as! any SQLDatabase
        var g = gate
        let passes = Dictionary(try await sql.raw("SELECT id, household_id FROM passes WHERE community_id = \(bind: gate.community)")
            .all(decoding: PassRow.self).map { ($0.household_id, $0.id) }, uniquingKeysWith: { a, _ in a })
        g.households = try await sql.raw("SELECT id, label FROM households WHERE community_id = \(bind: gate.community)")
            .all(decoding: HouseholdRow.self).map { ($0.id, passes[$0.id], $0.label) }
        g.residents = try await sql.raw("""
            SELECT r.person_id, r.household_id, p.name_masked, p.phone_masked FROM residents r JOIN persons p ON p.id = r.person_id
            WHERE r.community_id = \(bind: gate.community)
            """).all(decoding: ResidentRow.self).map { ($0.person_id, $0.household_id, $0.name_masked, $0.phone_masked) }
        return g
    }

    /// Passages spread evenly over the `span` seconds before now, at random gates of `gates`.
    private struct PassageStream {
        let count: Int
        let gates: [Gate]
        let span: Double
    }

    /// Writes the streams' passages merged in time order, as a server appends them: a day's passages lie together in
    /// the table, as they do in a live database (random order would scatter every export over the whole file).
    private func writePassages(_ streams: [PassageStream], now: Date, rng: inout SeededGenerator) async throws -> Int {
        let columns = ["id", "community_id", "checkpoint_id", "operator_id", "person_id", "household_id", "pass_id", "direction",
                       "mode", "readings", "temperature_tenths", "status", "decision", "reasons", "wears_mask", "awaiting_remeasure",
                       "name_masked", "phone_masked", "recorded_at", "client_request_id", "updated_at"]
        let count = streams.reduce(0) { $0 + $1.count }
        var drawn = [Int](repeating: 0, count: streams.count)
        func time(_ s: Int, rng: inout SeededGenerator) -> Date? {
            let stream = streams[s]
            guard drawn[s] < stream.count else { return nil }
            return now - stream.span + stream.span * (Double(drawn[s]) + Double.random(in: 0..<1, using: &rng)) / Double(stream.count)
        }
        var next = streams.indices.map { time($0, rng: &rng) }
        let chunk = 1000
        var written = 0
        while written < count {
            // Fifty statements of a thousand rows to a transaction: one commit (and fsync) per 50,000 passages.
            var statements: [[[any SQLExpression]]] = []
            for _ in 0..<50 where written + statements.count * chunk < count {
                var rows: [[any SQLExpression]] = []
                for _ in 0..<min(chunk, count - written - statements.count * chunk) {
                    let s = next.indices.filter { next[$0] != nil }.min { next[$0]! < next[$1]! }!
                    let at = next[s]!
                    drawn[s] += 1
                    next[s] = time(s, rng: &rng)
                    let gates = streams[s].gates
                    let gate = gates[Int.random(in: 0..<gates.count, using: &rng)]
                    let tenths = Int.random(in: 360...372, using: &rng)
                    let byPass = Bool.random(using: &rng) || gate.residents.isEmpty
                    var person: UUID?, household: UUID?, pass: UUID?, name = "—", phone = ""
                    if byPass, let h = gate.households.randomElement(using: &rng) {
                        household = h.id
                        pass = h.pass
                        name = "\(h.label)（户）"
                    } else if let r = gate.residents.randomElement(using: &rng) {
                        person = r.person
                        household = r.household
                        name = r.name
                        phone = r.phone
                    }
                    let values: [any Encodable & Sendable] = [
                        UUID(), gate.community, gate.checkpoint, gate.operatorID, person, household, pass,
                        Bool.random(using: &rng) ? Direction.in.rawValue : Direction.out.rawValue,
                        (byPass ? IdentificationMode.pass : IdentificationMode.reader).rawValue,
                        "\(tenths)@\(Int(at.timeIntervalSince1970))", tenths, "normal", EntryDecision.allow.rawValue, "", true, false,
                        name, phone, at, UUID(), at,
                    ]
                    rows.append(values.map { SQLBind($0) })
                }
                statements.append(rows)
            }
            let batch = statements
            try await db.transaction { tx in
                let sql = tx as! any SQLDatabase
                // A large page cache keeps the random-keyed indexes (id, clientRequestId) in memory as the table grows.
                if tx.engine == .sqlite { try await sql.raw("PRAGMA cache_size = -1000000").run() }
                for rows in batch {
                    let insert = sql.insert(into: "passages").columns(columns)
                    for row in rows { insert.values(row) }
                    try await insert.run()
                }
            }
            let before = written
            written += batch.reduce(0) { $0 + $1.count }
            if written / 500_000 != before / 500_000 || written == count { log("passages: \(written)/\(count)") }
        }
        return written
    }

    /// A community's residents as the office's import sheet: three to a household, valid ID numbers, Chinese names.
    static func sheet(community: Int, residents: Int) -> String {
        var lines = ["楼栋,单元,房号,姓名,身份证号,手机号,类别,暂住截止日期"]
        let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"), given = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华")
        for r in 0..<residents {
            let n = community * residents + r
            let home = r / 3
            let name = String([surnames[n % 20], given[n / 20 % 24], given[n / 480 % 24]])
            let phone = r % 3 == 0 ? String(format: "138%08d", n % 100_000_000) : ""
            lines.append("\(home / 200 + 1),\(home / 50 % 4 + 1),\(101 + home % 50),\(name),\(idNumber(n)),\(phone),常住,")
        }
        return lines.joined(separator: "\n")
    }

    /// A valid GB 11643 number for `n`: region, a birth date between 1940 and 2009, a sequence, the check character.
    static func idNumber(_ n: Int) -> String {
        let regions = ["110101", "110105", "310104", "440106", "410101", "150102"]
        let birth = CalendarDate(year: 1940, month: 1, day: 1)!.adding(days: n / 1000 % 25_000)
        let body = regions[n / 25_000_000 % regions.count] + String(format: "%04d%02d%02d", birth.year, birth.month, birth.day)
            + String(format: "%03d", n % 1000)
        return body + String(ISO7064.mod11_2(body)!)
    }
}
