extension APIURL {
    /// `/api/v1/passages/{id}/…`.
    enum PassageRoute: String, CaseIterable {
        case overview = ""
        case remeasure
        case photo
    }
}
