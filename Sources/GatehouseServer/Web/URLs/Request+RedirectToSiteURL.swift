import Vapor

extension Request {
    /// A `303 See Other` to one of the site's addresses, after a form was handled.
    func redirect(to url: SiteURL, _ query: KeyValuePairs<String, String> = [:], fragment: String? = nil) -> Response {
        redirect(to: url.link(query, fragment: fragment))
    }
}
