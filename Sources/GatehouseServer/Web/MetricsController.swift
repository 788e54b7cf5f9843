import Vapor

/// `GET /metrics`: the server's figures in Prometheus's text format (counts and timings, no personal data). Each
/// instance answers for itself; scrape every instance.
struct MetricsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.metrics, use: metrics)
    }

    func metrics(req: Request) async throws -> Response {
        // The peer's own address: a proxy's forwarded header is no proof of who asks.
        if let allowed = req.gatehouse.configuration.metricsAllow, !allowed.contains(req.remoteAddress) { throw AppError.notFound }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: req.gatehouse.metrics.exposition()))
    }
}
