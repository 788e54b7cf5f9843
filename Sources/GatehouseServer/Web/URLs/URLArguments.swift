import Foundation

/// The arguments a view gives `#url("community", id, "households")` after the name, read in order as the case
/// needs them. For `#route(…)` every variable stays `.key` (`:name`, filled in by a script) and only the sub-route
/// words are given.
struct URLArguments {
    enum Argument {
        case text(String)
        /// A value the checker does not know (a template variable): it stands for a value of the needed type.
        case anyValue
    }

    private var rest: [Argument]
    private let keysOnly: Bool

    init(_ arguments: [Argument], keysOnly: Bool) {
        self.rest = arguments
        self.keysOnly = keysOnly
    }

    mutating func id() throws -> Parameter<UUID> {
        if keysOnly { return .key }
        switch try next("a record's id") {
        case .anyValue: return .value(UUID())
        case .text(let text):
            guard let id = UUID(uuidString: text) else { throw SiteURLNameError.notAnID(text) }
            return .value(id)
        }
    }

    mutating func text() throws -> Parameter<String> {
        if keysOnly { return .key }
        switch try next("a word") {
        case .anyValue: return .value("x")
        case .text(let text): return .value(text)
        }
    }

    mutating func number() throws -> Parameter<Int> {
        if keysOnly { return .key }
        switch try next("a number") {
        case .anyValue: return .value(0)
        case .text(let text):
            guard let number = Int(text) else { throw SiteURLNameError.notANumber(text) }
            return .value(number)
        }
    }

    /// A sub-route by its words (`"passes/print"`); none left means its root (`""`).
    mutating func route<Route: RawRepresentable<String>>() throws -> Route {
        guard let first = rest.first else {
            guard let root = Route(rawValue: "") else { throw SiteURLNameError.missing("\(Route.self)") }
            return root
        }
        rest.removeFirst()
        guard case .text(let words) = first, let route = Route(rawValue: words) else {
            throw SiteURLNameError.unknownRoute("\(Route.self)", "\(first)")
        }
        return route
    }

    func finish() throws {
        guard rest.isEmpty else { throw SiteURLNameError.tooManyArguments(rest.count) }
    }

    private mutating func next(_ what: String) throws -> Argument {
        guard !rest.isEmpty else { throw SiteURLNameError.missing(what) }
        return rest.removeFirst()
    }
}
