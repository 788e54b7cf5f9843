extension APIURL {
    /// `/api/v1/passes/…`: checking a scanned pass.
    enum PassesRoute: String, CaseIterable {
        case verify
        case scan
    }
}
