import Vapor

/// Headers on every answer: a Content-Security-Policy with no inline script (scripts and styles from this server
/// only; inline style attributes allowed), no framing, no MIME sniffing, no referrer (status links are secrets), the
/// camera only for this site; and, when the browser came over HTTPS (`RequestScheme`: an https public address, or a
/// trusted proxy that terminated TLS), HSTS and every cookie marked Secure.
///
/// A future-based middleware, like the others on every request's way: an `AsyncMiddleware` starts a Swift task of
/// its own for each request, and nothing here waits for anything.
struct SecurityHeadersMiddleware: Middleware {
    static let contentSecurityPolicy = [
        "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:",
        "connect-src 'self'", "font-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'",
        "frame-ancestors 'none'",
    ].joined(separator: "; ")

    /// True when `GATEHOUSE_PUBLIC_URL` is https (TLS is terminated in front of the server).
    let behindTLS: Bool

    func respond(to req: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        let https = behindTLS || RequestScheme.isHTTPS(req)
        return next.respond(to: req).map { response in
            if !response.headers.contains(name: "Content-Security-Policy") {
                response.headers.replaceOrAdd(name: "Content-Security-Policy", value: Self.contentSecurityPolicy)
            }
            response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
            response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
            response.headers.replaceOrAdd(name: "Referrer-Policy", value: "no-referrer")
            response.headers.replaceOrAdd(name: "Permissions-Policy", value: "camera=(self), microphone=(), geolocation=()")
            if https {
                response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000")
                // The session cookie is made before the request is known; over HTTPS it never travels in the clear.
                let cookies = response.headers[.setCookie]
                if cookies.contains(where: { !$0.lowercased().contains("; secure") }) {
                    response.headers.remove(name: .setCookie)
                    for cookie in cookies {
                        response.headers.add(name: .setCookie, value: cookie.lowercased().contains("; secure") ? cookie : cookie + "; Secure")
                    }
                }
            }
            return response
        }
    }
}
