import Vapor

/// `GET /manifest.json`: the web app manifest that lets a guard put the gate on the phone's home screen (Chinese
/// name, the gate as start page, icons). Made here so that its addresses come from `SiteURL` and `AssetURLs`.
struct GateManifest: RouteCollection {
    struct Icon: Encodable {
        let src: String
        let sizes: String
        let type = "image/png"
        let purpose = "any maskable"
    }

    struct Manifest: Encodable {
        let name = "门岗 · 防疫出入登记"
        let short_name = "门岗"
        let description = "社区卡点出入登记：扫码、测温、离线登记"
        let lang = "zh-CN"
        let start_url: String
        let scope = "/"
        let display = "standalone"
        let orientation = "portrait"
        let background_color = "#f5f7f9"
        let theme_color = "#0b6e4f"
        let icons: [Icon]
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.manifest, use: manifest)
    }

    func manifest(req: Request) throws -> Response {
        let icons = [192, 512].map { Icon(src: AssetURLs.table[AssetURLs.key("icons/gate-\($0).png")] ?? "", sizes: "\($0)x\($0)") }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var headers = HTTPHeaders()
        headers.contentType = .init(type: "application", subType: "manifest+json", parameters: ["charset": "utf-8"])
        headers.cacheControl = .init(noCache: true)
        let body = try encoder.encode(Manifest(start_url: SiteURL.gate(.scan).path, icons: icons))
        return Response(status: .ok, headers: headers, body: .init(data: body))
    }
}
