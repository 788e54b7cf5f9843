import Vapor

/// `POST /api/v1/id-card-reads`: the reader bridge posts what it read, with its device token.
struct CardReadController: RouteCollection {
    /// Reads accepted per reader device per minute.
    static let readsPerMinute = 60

    func boot(routes: any RoutesBuilder) throws {
        routes.grouped(ReaderDeviceAuthenticator())
            .on(.POST, .api(.cardReads), body: .collect(maxSize: "2mb"), use: receive)
    }

    func receive(req: Request) async throws -> Response {
        guard let device = req.auth.get(ReaderDevice.self) else {
            throw AppError(.unauthorized, "unauthorized", zh: "读卡器未注册或令牌无效", en: "Unknown reader device token")
        }
        // A reader reads one card every few seconds; a flood means a fault or a stolen token.
        guard await req.application.rateLimiter.allow("reader:\(device.id!)", limit: Self.readsPerMinute, window: 60,
                                                      now: req.gatehouse.clock.now()) else {
            throw AppError(.tooManyRequests, "reader_rate_limited", zh: "读卡过于频繁，请稍后再试", en: "Too many reads from this reader: wait a moment")
        }
        let input = try req.content.decode(CardReadInput.self)
        let received = try await CardReadIntake(services: req.gatehouse, db: req.db, live: req.live).receive(input, from: device)
        return try await received.encodeResponse(status: .created, for: req)
    }
}
