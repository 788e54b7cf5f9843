import Vapor

/// Which methods each route path answers, so that a request with another method on a path that exists is told
/// 405 with `Allow` (the methods it does answer) instead of 404. Built once, after every route is registered, and
/// only read afterwards (as Vapor's own router is), hence `@unchecked Sendable`.
final class AllowedMethods: @unchecked Sendable {
    private let router: TrieRouter<[HTTPMethod]>

    init(_ routes: [Route]) {
        var byPath: [String: (path: [PathComponent], methods: [HTTPMethod])] = [:]
        for route in routes where route.method != .HEAD && !route.path.isEmpty {
            let key = route.path.map(\.description).joined(separator: "/")
            byPath[key, default: (route.path, [])].methods.append(route.method)
        }
        let router = TrieRouter<[HTTPMethod]>()
        for (_, entry) in byPath { router.register(entry.methods, at: entry.path) }
        self.router = router
    }

    /// The methods `path` answers when they do not include `method` (HEAD counts as GET, which Vapor answers it with);
    /// nil when `method` is answered there or no route has the path.
    func refusing(_ method: HTTPMethod, at path: String) -> [HTTPMethod]? {
        var parameters = Parameters()
        let components = path.split(separator: "/").map(String.init)
        guard let methods = router.route(path: components, parameters: &parameters),
              !methods.contains(method == .HEAD ? .GET : method) else { return nil }
        return methods
    }
}

extension Application {
    private struct AllowedMethodsKey: StorageKey { typealias Value = AllowedMethods }

    var allowedMethods: AllowedMethods? {
        get { storage[AllowedMethodsKey.self] }
        set { storage[AllowedMethodsKey.self] = newValue }
    }
}
