extension SiteURL {
    /// The path variable of the community a page or API call is about: every feature reads it through
    /// `req.community(_:)`.
    static let communityKey = "communityID"
}
