import Foundation

/// One server-sent event: a type (`passage`, `card`, `alert`, `heartbeat`) and a JSON payload.
struct LiveEvent: Sendable, Equatable {
    let type: String
    let json: String

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

    /// The text/event-stream frame.
    var frame: String {
        type == "heartbeat" ? ": heartbeat\n\n" : "event: \(type)\ndata: \(json)\n\n"
    }
}
