import Foundation
import GatehouseCore
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

    /// A user never sees a code: no text of the catalog, in either language, and no reason the gate gives is its own
    /// key or code, or reads like one (`quota_used`).
    func testEveryMessageIsASentenceNotACode() {
        let codeLike = try! NSRegularExpression(pattern: #"^[a-z]+(_[a-z0-9]+)+$"#)
        func looksLikeCode(_ text: String) -> Bool {
            codeLike.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
        var bad: [String] = []
        for language in [Language.zh, .en] {
            for (key, text) in Strings.table(language) where text == key || looksLikeCode(text) {
                bad.append("\(language.rawValue) \(key): \(text)")
            }
        }
        let quota = OutingQuota(scope: .household, exits: 1, days: 2)
        for quota in [quota, nil] {
            for reason in EntryReason.catalog(restSeconds: 300, quota: quota) {
                for text in [reason.message.zh, reason.message.en] where text == reason.code || looksLikeCode(text) || text.isEmpty {
                    bad.append("reason \(reason.code): \(text)")
                }
            }
        }
        for state in ObservationRoomState.allCases {
            for reason in [state.admissionRefusal, state.disinfectionRefusal].compactMap({ $0 }) where looksLikeCode(reason.message.zh) {
                bad.append("room \(reason.code)")
            }
        }
        XCTAssertEqual(bad.sorted(), [])
    }
}
