import Foundation
@testable import GatehouseServer
import XCTest

/// The interface text: every key is defined once, and every key a view or a script reads is defined.
final class StringCatalogTests: XCTestCase {
    func testNoKeyIsDefinedTwice() {
        var seen: [String: String] = [:]
        var twice: [String] = []
        for (name, text) in Strings.catalogs {
            for key in text.keys {
                if let first = seen[key] { twice.append("\(key) (\(first), \(name))") } else { seen[key] = name }
            }
        }
        XCTAssertEqual(twice.sorted(), [])
    }

    func testEveryKeyAViewOrScriptReadsIsDefined() throws {
        let table = Strings.table(.zh)
        var missing: Set<String> = []
        func scan(_ folder: String, _ ext: String, _ pattern: String) throws {
            let regex = try NSRegularExpression(pattern: pattern)
            let files = FileManager.default.enumerator(atPath: folder)!.compactMap { $0 as? String }.filter { $0.hasSuffix(ext) }
            XCTAssertFalse(files.isEmpty, folder)
            for file in files {
                let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
                for m in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    let key = String(text[Range(m.range(at: 1), in: text)!])
                    if table[key] == nil { missing.insert("\(file): \(key)") }
                }
            }
        }
        try scan(ResourceLocator.views, ".leaf", #"page\.t\.([A-Za-z0-9_]+)"#)
        try scan(ResourceLocator.publicFiles + "js", ".js", #"\bT\.([A-Za-z0-9_]+)"#)
        XCTAssertEqual(missing.sorted(), [])
    }
}
