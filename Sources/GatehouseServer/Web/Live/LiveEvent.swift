import Foundation

/// One server-sent event: a type (`passage`, `card`, `alert`, `heartbeat`), a JSON payload, and — once published —
/// its position in the stream (`id`), which a reconnecting browser sends back as `Last-Event-ID`.
struct LiveEvent: Sendable, Equatable {
    let type: String
    let json: String
    /// Set by the hub when published; increases across the hub's restarts (`LiveEventIDs`).
    var id: Int64?

    static let heartbeat = LiveEvent(type: "heartbeat", json: "{}")

    init(type: String, json: String) {
        self.type = type
        self.json = json
    }

    init<T: Encodable>(type: String, payload: T) {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        self.type = type
        self.json = (try? String(decoding: encoder.encode(payload), as: UTF8.self)) ?? "{}"
    }

    /// The same event at its position in the stream.
    func numbered(_ id: Int64) -> LiveEvent {
        var event = self
        event.id = id
        return event
    }

    /// Two events are the same news whatever their positions.
    static func == (a: LiveEvent, b: LiveEvent) -> Bool { a.type == b.type && a.json == b.json }

    /// The text/event-stream frame (with `id:` once published, so the browser can say where it stopped).
    var frame: String {
        if type == "heartbeat" { return ": heartbeat\n\n" }
        return (id.map { "id: \($0)\n" } ?? "") + "event: \(type)\ndata: \(json)\n\n"
    }
}
