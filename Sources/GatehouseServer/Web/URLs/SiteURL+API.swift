extension SiteURL {
    /// Where the API's addresses start (`/api/v1/…`).
    static let apiRoot = "api/v1"

    /// Whether a request's path is a program's (the API or the health check): those are answered in JSON, and in
    /// the language the client asks for, never with a page.
    static func isForPrograms(_ path: String) -> Bool {
        path.hasPrefix(apiPrefix) || path == healthzPath
    }

    private static let apiPrefix = "/\(apiRoot)/"
    private static let healthzPath = SiteURL.healthz.path
}
