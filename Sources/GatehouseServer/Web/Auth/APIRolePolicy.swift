import Foundation
import GatehouseCore
import Vapor

/// Which roles may call each signed-in `/api/v1` operation: the operation's `x-roles` in `openapi.json`, read once at
/// start, so the description a client reads and the rule the server keeps are the same text. Scope (which community,
/// which household) is still checked by each operation; this is the first, coarse gate in front of it.
struct APIRolePolicy: Sendable {
    /// `"GET /api/v1/passages/{passageID}"` → the roles named in its `x-roles`.
    let roles: [String: Set<Role>]

    struct Invalid: Error, CustomStringConvertible {
        let description: String
    }

    /// The policy of the bundled description. A signed-in operation without `x-roles`, or naming a role that does
    /// not exist, stops the start: an operation nobody thought about must not be open to everyone.
    static func bundled() throws -> APIRolePolicy {
        try APIRolePolicy(description: Data(contentsOf: URL(fileURLWithPath: ResourceLocator.root + "openapi.json")))
    }

    init(description data: Data) throws {
        guard let doc = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let paths = doc["paths"] as? [String: [String: Any]] else {
            throw Invalid(description: "openapi.json has no paths")
        }
        var roles: [String: Set<Role>] = [:]
        for (path, operations) in paths {
            for (method, value) in operations {
                guard let operation = value as? [String: Any], let security = operation["security"] as? [[String: Any]],
                      security.contains(where: { $0["bearer"] != nil }) else { continue }
                let key = "\(method.uppercased()) \(path)"
                guard let names = operation["x-roles"] as? [String] else {
                    throw Invalid(description: "openapi.json: \(key) is signed-in but names no x-roles")
                }
                let parsed = names.compactMap(Role.init(rawValue:))
                guard parsed.count == names.count else {
                    throw Invalid(description: "openapi.json: \(key) names an unknown role in x-roles: \(names)")
                }
                roles[key] = Set(parsed)
            }
        }
        self.roles = roles
    }

    /// The key of a route as the description writes it: parameters in braces.
    static func key(_ method: HTTPMethod, _ path: [PathComponent]) -> String {
        let text = path.map { component -> String in
            if case .parameter(let name) = component { return "{\(name)}" }
            return component.description
        }.joined(separator: "/")
        return "\(method.rawValue) /\(text)"
    }

    /// Whether `role` may call the route; a route the description does not name is refused to everyone.
    func allows(_ role: Role, _ method: HTTPMethod, _ path: [PathComponent]) -> Bool {
        roles[Self.key(method, path)]?.contains(role) ?? false
    }
}
