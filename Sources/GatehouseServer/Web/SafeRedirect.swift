/// Keeps redirects on this site: only a plain local path. Browsers drop tabs and line breaks from an address and read
/// a backslash as a slash, so `/\t/evil.example/` would become `//evil.example/` — another site; every character must
/// be printable ASCII (an address's own non-ASCII is percent-encoded), no backslash, and no `//` at the start.
enum SafeRedirect {
    static func path(_ candidate: String?) -> String {
        guard let c = candidate, c.hasPrefix("/"), !c.hasPrefix("//"),
              c.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && $0 != "\\" }) else { return "/" }
        return c
    }
}
