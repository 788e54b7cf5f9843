import Vapor

/// `GET /metrics`: the server's figures in Prometheus's text format (counts and timings, no personal data). Each
/// instance answers for itself; scrape every instance.
struct MetricsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("metrics", use: metrics)
    }

    func metrics(req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: req.gatehouse.metrics.exposition()))
    }
}
