extension APIURL {
    /// `/api/v1/fever-cases/{id}/…`.
    enum FeverCaseRoute: String, CaseIterable {
        case overview = ""
        case steps
    }
}
