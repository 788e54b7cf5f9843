import Foundation

/// One part of a `SiteURL`'s path: fixed words, or a named variable with its value when there is one.
enum PathSegment {
    case fixed(String)
    case variable(String, String?)

    static func variable<Value>(_ name: String, _ parameter: Parameter<Value>) -> PathSegment {
        switch parameter {
        case .key: .variable(name, nil)
        case .value(let value): .variable(name, value.description)
        }
    }

    /// The segment as written in a path: a record's value, or `:name` for a route's pattern.
    var text: String {
        switch self {
        case .fixed(let words): words
        case .variable(_, let value?): value.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? value
        case .variable(let name, nil): ":" + name
        }
    }
}
