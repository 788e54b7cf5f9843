import Crypto
import Foundation

/// The public files' addresses with a hash of their content (`/js/gate.js?v=3f2a…`): a browser keeps each for a
/// year and asks again only when the file changed, so a repeat visit to a page loads its HTML alone.
enum AssetURLs {
    /// Template key (`js_gate_js` for `js/gate.js`) → address with its content hash.
    static let table: [String: String] = build(ResourceLocator.publicFiles).urls

    /// File path under `Public/` (`js/gate.js`) → its content hash.
    static let hashes: [String: String] = build(ResourceLocator.publicFiles).hashes

    /// `js/gate.js` → `js_gate_js`: a name Leaf can read (`#(page.asset.js_gate_js)`).
    static func key(_ path: String) -> String {
        String(path.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    /// Whether `version` is the current hash of the file at `path`: only then may the browser keep it for good.
    static func isCurrent(path: String, version: String?) -> Bool {
        guard let version, let hash = hashes[path] else { return false }
        return version == hash
    }

    private static func build(_ folder: String) -> (urls: [String: String], hashes: [String: String]) {
        var urls: [String: String] = [:], hashes: [String: String] = [:]
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return ([:], [:]) }
        for case let path as String in walker {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder + path, isDirectory: &isFolder), !isFolder.boolValue,
                  let data = FileManager.default.contents(atPath: folder + path) else { continue }
            let hash = SHA256.hash(data: data).prefix(6).map { String(format: "%02x", $0) }.joined()
            hashes[path] = hash
            urls[key(path)] = "/\(path)?v=\(hash)"
        }
        return (urls, hashes)
    }
}
