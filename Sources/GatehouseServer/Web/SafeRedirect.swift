/// Keeps redirects on this site: only absolute paths, never `//host` or a scheme.
enum SafeRedirect {
    static func path(_ candidate: String?) -> String {
        guard let c = candidate, c.hasPrefix("/"), !c.hasPrefix("//"), !c.contains("\\"),
              !c.contains("\r"), !c.contains("\n") else { return "/" }
        return c
    }
}
