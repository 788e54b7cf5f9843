/// A view named an address that does not exist or gave it the wrong arguments: a developer's mistake, found by
/// `SiteURLTests` before a page renders it.
enum SiteURLNameError: Error, CustomStringConvertible {
    case unknownName(String)
    case unknownRoute(String, String)
    case missing(String)
    case notAnID(String)
    case notANumber(String)
    case tooManyArguments(Int)

    var description: String {
        switch self {
        case .unknownName(let name): "no address is named \(name)"
        case .unknownRoute(let type, let words): "\(type) has no route \(words)"
        case .missing(let what): "the address needs \(what)"
        case .notAnID(let text): "\(text) is not a record's id"
        case .notANumber(let text): "\(text) is not a number"
        case .tooManyArguments(let count): "\(count) arguments too many"
        }
    }
}
