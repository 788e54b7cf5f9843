import Vapor

/// The interface language of a request: the `lang` cookie for pages, `Accept-Language` for the API.
enum Language: String, CaseIterable, Sendable {
    case zh
    case en

    static let cookieName = "lang"
}

extension Request {
    /// Chinese unless the person chose English (cookie) or the API client asked for it.
    var language: Language {
        if let cookie = cookies[Language.cookieName]?.string, let lang = Language(rawValue: cookie) { return lang }
        if let accept = headers.first(name: .acceptLanguage)?.lowercased(), accept.hasPrefix("en"),
           SiteURL.isForPrograms(url.path) {
            return .en
        }
        return .zh
    }
}
