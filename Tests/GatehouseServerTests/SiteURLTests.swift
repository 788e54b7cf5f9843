import Foundation
@testable import GatehouseServer
import Testing
import Vapor

/// Addresses are typed once, in `SiteURL`: every address a view names resolves to a route the app serves, no view or
/// controller spells a path of its own, and links encode what they carry.
@Suite struct SiteURLTests {
    /// One `#url(…)` or `#route(…)` in a view, with its arguments as written.
    struct Call: CustomStringConvertible {
        let file: String
        let keysOnly: Bool
        let name: String
        let arguments: [URLArguments.Argument]
        let source: String
        var description: String { "\(file): \(source)" }
    }

    static func viewFiles() throws -> [(name: String, text: String)] {
        let folder = ResourceLocator.views
        return try FileManager.default.enumerator(atPath: folder)!.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".leaf") }.sorted()
            .map { ($0, try String(contentsOfFile: folder + "/" + $0, encoding: .utf8)) }
    }

    /// The calls in the views: a quoted argument is a word the address must accept as it is; anything else is a
    /// template value, which stands for any value of the type the address needs.
    static func calls() throws -> [Call] {
        let regex = try NSRegularExpression(pattern: #"#(url|route)\(([^()]*)\)"#)
        var calls: [Call] = []
        for (file, text) in try viewFiles() {
            for m in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let tag = String(text[Range(m.range(at: 1), in: text)!])
                let parts = text[Range(m.range(at: 2), in: text)!].split(separator: ",")
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                let arguments: [URLArguments.Argument] = parts.dropFirst().map {
                    $0.hasPrefix("\"") ? .text(String($0.dropFirst().dropLast())) : .anyValue
                }
                calls.append(Call(file: file, keysOnly: tag == "route", name: String(parts.first?.dropFirst().dropLast() ?? ""),
                                  arguments: arguments, source: String(text[Range(m.range, in: text)!])))
            }
        }
        return calls
    }

    /// Whether the app has a route whose path `path` (values, or `:name` for a script to fill) is.
    static func served(_ path: String, by routes: [Route]) -> Bool {
        let segments = path.split(separator: "/").map(String.init)
        return routes.contains { route in
            if route.path.last == .catchall { return route.path.count - 1 <= segments.count }
            guard route.path.count == segments.count else { return false }
            return zip(route.path, segments).allSatisfy { component, segment in
                switch component {
                case .constant(let word): word == segment
                case .parameter(let name): !segment.hasPrefix(":") || segment == ":" + name
                case .anything, .catchall: true
                }
            }
        }
    }

    @Test func everyAddressAViewNamesIsARouteTheAppServes() async throws {
        let calls = try Self.calls()
        #expect(calls.count > 150, "the views name their addresses with #url and #route")
        try await TestApp.run(migrate: false) { app in
            var wrong: [String] = []
            for call in calls {
                do {
                    var arguments = URLArguments(call.arguments, keysOnly: call.keysOnly)
                    let url = try SiteURL(named: call.name, &arguments)
                    try arguments.finish()
                    if !Self.served(url.path, by: app.routes.all) { wrong.append("\(call) → \(url.path) is not served") }
                } catch {
                    wrong.append("\(call): \(error)")
                }
            }
            #expect(wrong == [])
        }
    }

    @Test func noViewSpellsAPathOfItsOwn() throws {
        // An attribute, or an #if's branch inside one, that starts with "/" is a path typed by hand.
        let regex = try NSRegularExpression(pattern: #"(=\"|#else:|\):)/[a-z]"#)
        var found: [String] = []
        for (file, text) in try Self.viewFiles() {
            for m in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let line = text[..<Range(m.range, in: text)!.lowerBound].filter { $0 == "\n" }.count + 1
                found.append("\(file):\(line)")
            }
        }
        #expect(found == [])
    }

    @Test func noControllerOrScriptSpellsAPathOfItsOwn() throws {
        // Route registrations and redirects take a SiteURL; scripts read their addresses from the page.
        let swift = try NSRegularExpression(pattern: #"(?<!parameters)(?<!query)(?<!auth)(?<!headers)(?<!cookies)"#
            + #"(?<!data)(?<!storage)\.(get|post|put|patch|delete)\("|on\(\.[A-Z]+, "|grouped\("|redirect\(to: ""#)
        let script = try NSRegularExpression(pattern: #"["'](/(api|live|me|gate|records|fever-cases)\b)"#)
        var found: [String] = []
        func scan(_ folder: String, _ ext: String, _ regex: NSRegularExpression, skipping: [String] = []) throws {
            for file in FileManager.default.enumerator(atPath: folder)!.compactMap({ $0 as? String })
            where file.hasSuffix(ext) && !skipping.contains(where: file.hasPrefix) {
                let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
                for m in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    let line = text[..<Range(m.range, in: text)!.lowerBound].filter { $0 == "\n" }.count + 1
                    found.append("\(file):\(line)")
                }
            }
        }
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/GatehouseServer").path
        try scan(sources, ".swift", swift, skipping: ["Web/URLs/", "Migrations/"])
        try scan(ResourceLocator.publicFiles + "js", ".js", script)
        #expect(found == [])
    }

    @Test func aLinkEncodesWhatItCarries() {
        #expect(SiteURL.login.link(["next": "/admin?x=1&y=2"]) == "/login?next=%2Fadmin%3Fx%3D1%26y%3D2")
        let id = UUID(uuidString: "6F9619FF-8B86-D011-B42D-00C04FC964FF")!
        #expect(SiteURL.community(.value(id), .households).path == "/admin/communities/\(id.uuidString)/households")
        #expect(SiteURL.api(.passage(.key, .photo)).path == "/api/v1/passages/:passageID/photo")
        #expect(SiteURL.isForPrograms("/api/v1/passages") && SiteURL.isForPrograms("/healthz"))
        #expect(!SiteURL.isForPrograms("/gate") && !SiteURL.isForPrograms("/apiary"))
    }
}
