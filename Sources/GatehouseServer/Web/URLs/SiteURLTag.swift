import LeafKit

/// `#url("community", communityId, "households")` in a view: the address of one record's page, from `SiteURL`.
/// `#route("api.passage", "remeasure")` gives the pattern with its variables as `:name`, for a script to fill in.
struct SiteURLTag: LeafTag {
    let keysOnly: Bool

    func render(_ ctx: LeafContext) throws -> LeafData {
        guard let name = ctx.parameters.first?.string else { throw SiteURLNameError.missing("the address's name") }
        var arguments = URLArguments(ctx.parameters.dropFirst().map { .text($0.string ?? "") }, keysOnly: keysOnly)
        let url = try SiteURL(named: name, &arguments)
        try arguments.finish()
        return .string(url.path)
    }
}
