import Vapor

/// Whether the browser reached the server over HTTPS: the public address is https, or a trusted proxy
/// (`GATEHOUSE_TRUSTED_PROXIES`) terminating TLS says so in `X-Forwarded-Proto`. From anyone else the header is
/// ignored, as `X-Forwarded-For` is (`ClientAddress`).
enum RequestScheme {
    static func isHTTPS(_ req: Request) -> Bool {
        let configuration = req.gatehouse.configuration
        if configuration.publicURL?.hasPrefix("https://") == true { return true }
        guard let trusted = configuration.trustedProxies, let peer = req.remoteAddress?.ipAddress, trusted.contains(text: peer) else {
            return false
        }
        let proto = req.headers.first(name: "X-Forwarded-Proto")?.split(separator: ",").first.map(String.init)
        return proto?.trimmingCharacters(in: .whitespaces).lowercased() == "https"
    }
}
