import Foundation
import GatehouseCore
import Vapor

/// A pass's QR code and how it is served: never cached by shared caches, never sniffed.
enum QRPass {
    static func code(for pass: Pass, services: GatehouseServices, user: User) throws -> QRCode {
        let token = services.passToken(for: pass)
        do { return try QRCode(text: token) } catch {
            throw AppError(.internalServerError, "qr_failed", zh: "二维码生成失败", en: "Could not make the QR code")
        }
    }

    static func response(_ data: Data, type: HTTPMediaType) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = type
        headers.cacheControl = .init(noStore: true)
        headers.add(name: "X-Content-Type-Options", value: "nosniff")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }

    /// Inline SVG for pages (the pass page and the print sheet), so they need nothing more once loaded.
    static func inlineSVG(token: String, moduleSize: Int = 6) -> String {
        (try? QRCode(text: token))?.svg(moduleSize: moduleSize) ?? ""
    }
}
