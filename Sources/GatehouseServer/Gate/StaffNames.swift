import Fluent
import Foundation

/// The names of the gates and of the staff who recorded a page of passages, read once for the page: lists say who
/// recorded each passage in a person's name, never a login (谁登记、谁负责).
struct StaffNames: Sendable {
    private let gates: [UUID: String]
    private let people: [UUID: String]

    init(gates: [UUID: String] = [:], people: [UUID: String] = [:]) {
        self.gates = gates
        self.people = people
    }

    func checkpoint(_ id: UUID) -> String { gates[id] ?? "" }
    func staff(_ id: UUID) -> String { people[id] ?? "" }

    /// The names behind `passages`: one query for their gates, one for their operators.
    static func of(_ passages: [PassageView], services: GatehouseServices, on db: any Database) async throws -> StaffNames {
        let gateIDs = Array(Set(passages.map(\.checkpointId)))
        let userIDs = Array(Set(passages.map(\.operatorId)))
        guard !passages.isEmpty else { return StaffNames() }
        let gates = try await Checkpoint.query(on: db).filter(\.$id ~~ gateIDs).all()
        let users = try await User.query(on: db).filter(\.$id ~~ userIDs).all()
        return StaffNames(
            gates: Dictionary(uniqueKeysWithValues: gates.compactMap { g in g.id.map { ($0, g.name) } }),
            people: Dictionary(uniqueKeysWithValues: users.compactMap { u in u.id.map { ($0, name(of: u, services: services)) } }))
    }

    /// Names by account, for a list's "by whom" column: `姓名（角色）` when `roles`, else the name alone.
    static func byID(_ users: [User], services: GatehouseServices, roles language: Language? = nil) -> [UUID: String] {
        Dictionary(users.compactMap { u in
            u.id.map { id in
                (id, language.map { lang in
                    let role = u.roleValue.label.text(for: lang.rawValue)
                    return lang == .zh ? "\(name(of: u, services: services))（\(role)）" : "\(name(of: u, services: services)) (\(role))"
                } ?? name(of: u, services: services))
            }
        }, uniquingKeysWith: { a, _ in a })
    }

    /// A staff member's name as lists show it (the login only when no name can be opened).
    static func name(of user: User, services: GatehouseServices) -> String {
        (try? services.sealer.open(user.nameSealed, context: "user.name")) ?? user.username
    }
}
