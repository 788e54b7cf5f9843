import Vapor

/// Turns a channel's stream into a `text/event-stream` response that lasts until the browser goes away.
enum ServerSentEvents {
    static func response(for channel: LiveChannel, on req: Request) async -> Response {
        // A browser reconnecting says the last event it saw; the stream starts after it.
        let last = req.headers.first(name: "Last-Event-ID").flatMap { Int64($0.trimmingCharacters(in: .whitespaces)) }
        let subscription = await req.live.subscribe(channel, heartbeatSeconds: 20, after: last)
        let live = req.live
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "event-stream", parameters: ["charset": "utf-8"])
        headers.cacheControl = .init(noStore: true)
        headers.add(name: "X-Accel-Buffering", value: "no")
        let response = Response(status: .ok, headers: headers)
        response.body = .init(asyncStream: { writer in
            do {
                try await writer.write(.buffer(ByteBuffer(string: "retry: 3000\n: connected\n\n")))
                for await event in subscription.stream {
                    try await writer.write(.buffer(ByteBuffer(string: event.frame)))
                }
                try await writer.write(.end)
            } catch {
                // The browser went away; the writer must still be finished.
                try? await writer.write(.error(error))
            }
            await live.unsubscribe(subscription)
        })
        return response
    }
}
