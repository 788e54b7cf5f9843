import Foundation
import Vapor

/// Serves the files of `Public/` (`/css/…`, `/js/…`) with Vapor's `FileMiddleware`, asked only for GET and HEAD
/// requests whose first path segment names something in that folder: every other request (the API, the pages, the
/// gate's passages) goes on without a look at the file system, which `FileMiddleware` makes on another thread.
struct PublicFilesMiddleware: Middleware {
    private let files: FileMiddleware
    /// The folder's top-level names, read once at start.
    let names: Set<String>

    init(publicDirectory: String) {
        files = FileMiddleware(publicDirectory: publicDirectory)
        names = Set((try? FileManager.default.contentsOfDirectory(atPath: publicDirectory)) ?? [])
    }

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        let target = request.url.string
        guard request.method == .GET || request.method == .HEAD, let first = Self.firstSegment(of: target),
              names.contains(first), Self.isPlain(target) else {
            return next.respond(to: request)
        }
        return files.respond(to: request, chainingTo: next).map { response in
            response.headers.replaceOrAdd(name: .cacheControl, value: Self.cacheControl(for: request))
            return response
        }
    }

    /// A versioned address (`?v=` the file's current content hash, as `AssetURLs` writes them) is kept for a year;
    /// any other is checked again each time (its ETag makes that a 304).
    static func cacheControl(for request: Request) -> String {
        let path = String(request.url.path.dropFirst())
        let version = request.url.query?.split(separator: "&").first { $0.hasPrefix("v=") }.map { String($0.dropFirst(2)) }
        return AssetURLs.isCurrent(path: path, version: version) ? "public, max-age=31536000, immutable" : "no-cache"
    }

    /// No `..` and no percent-encoding: the folder's own names have neither, and `FileMiddleware` would refuse such
    /// a path with an error thrown before the sessions middleware has run (the router answers it instead: not found).
    static func isPlain(_ target: String) -> Bool {
        !target.contains("..") && !target.utf8.contains(UInt8(ascii: "%"))
    }

    /// `css` for `/css/app.css?v=2`: the request target's first segment as sent (not percent-decoded).
    static func firstSegment(of target: String) -> String? {
        let utf8 = target.utf8
        guard utf8.first == UInt8(ascii: "/") else { return nil }
        let rest = utf8.dropFirst()
        let end = rest.firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? rest.endIndex
        return end == rest.startIndex ? nil : String(target[rest.startIndex..<end])
    }
}
