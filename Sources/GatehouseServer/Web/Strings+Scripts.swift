import Foundation
import NIOConcurrencyHelpers

extension Strings {
    /// The catalog's text that the named scripts write (`T.key` in `Public/js/…`), as JSON: a page embeds only the
    /// strings its own scripts use (the gate's phone loads a fifth of what the whole catalog weighs). Read from the
    /// scripts and serialised once per set of scripts and language.
    static func json(_ language: Language, forScripts scripts: [String]) -> String {
        let key = "\(language.rawValue):" + scripts.joined(separator: ",")
        if let cached = scriptTables.withLockedValue({ $0[key] }) { return cached }
        let wanted = Set(scripts.flatMap(keys(usedBy:)))
        let table = Strings.table(language).filter { wanted.contains($0.key) }
        let data = try? JSONSerialization.data(withJSONObject: table, options: [.sortedKeys])
        let text = data.map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        scriptTables.withLockedValue { $0[key] = text }
        return text
    }

    /// The keys a script reads from its string table (`T.network_error`).
    static func keys(usedBy script: String) -> [String] {
        guard let source = try? String(contentsOfFile: ResourceLocator.publicFiles + "js/" + script, encoding: .utf8) else { return [] }
        let pattern = try! NSRegularExpression(pattern: #"\bT\.([a-z][a-z0-9_]*)"#)
        let range = NSRange(source.startIndex..., in: source)
        return pattern.matches(in: source, range: range).compactMap { Range($0.range(at: 1), in: source).map { String(source[$0]) } }
    }

    private static let scriptTables = NIOLockedValueBox<[String: String]>([:])
}
