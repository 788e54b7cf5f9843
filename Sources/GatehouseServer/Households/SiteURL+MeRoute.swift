extension SiteURL {
    /// `/me/…`: a resident's own page, its offline worker and what a resident sends from it.
    enum MeRoute: String, CaseIterable {
        case overview = ""
        case serviceWorker = "sw.js"
        case returning
        case data
        case supplies
    }
}
