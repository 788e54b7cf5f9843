import Foundation

extension SiteURL {
    /// The address with a query (in the order given, values percent-encoded) and a fragment: `/admin?done=added#list`.
    func link(_ query: KeyValuePairs<String, String> = [:], fragment: String? = nil) -> String {
        var text = path
        if !query.isEmpty {
            text += "?" + query.map { "\($0.key)=\(Self.encoded($0.value))" }.joined(separator: "&")
        }
        if let fragment { text += "#" + fragment }
        return text
    }

    /// RFC 3986's unreserved characters: everything else in a value is percent-encoded (a path in `next=` too).
    private static let queryValueAllowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    private static func encoded(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: queryValueAllowed) ?? value
    }
}
