import Foundation

/// Live updates within one server process. Each channel keeps its latest events (`kept`), so a screen that
/// reconnects with the id of the last event it saw is sent what it missed.
actor InProcessLiveUpdates: LiveUpdates {
    private var subscribers: [String: [UUID: AsyncStream<LiveEvent>.Continuation]] = [:]
    private var recent: [String: [LiveEvent]] = [:]
    private var ids = LiveEventIDs()
    /// When each channel's last screen went away: its events are still kept for a while, for a screen that comes back.
    private var leftAt: [String: Date] = [:]
    /// How long a channel whose screens all went away still counts as watched (a phone's network coming back).
    static let comebackSeconds: TimeInterval = 600
    private let now: @Sendable () -> Date
    /// Events kept per channel for reconnecting screens (a busy gate's hour or so).
    let kept: Int

    init(kept: Int = 500, now: @escaping @Sendable () -> Date = Date.init) {
        self.kept = kept
        self.now = now
    }

    func publish(_ event: LiveEvent, to channel: LiveChannel) {
        let numbered = event.numbered(ids.next(at: now()))
        recent[channel.key, default: []].append(numbered)
        if recent[channel.key]!.count > kept { recent[channel.key]!.removeFirst(recent[channel.key]!.count - kept) }
        for continuation in subscribers[channel.key, default: [:]].values {
            continuation.yield(numbered)
        }
    }

    func isWatched(_ channels: [LiveChannel]) -> Bool {
        let now = now()
        return channels.contains { channel in
            !(subscribers[channel.key]?.isEmpty ?? true) || leftAt[channel.key].map { now.timeIntervalSince($0) < Self.comebackSeconds } == true
        }
    }

    func subscribe(_ channel: LiveChannel, heartbeatSeconds: Double = 20, after: Int64? = nil) -> LiveSubscription {
        let id = UUID()
        let (stream, continuation) = AsyncStream.makeStream(of: LiveEvent.self, bufferingPolicy: .bufferingNewest(kept + 100))
        // What the screen missed first, then the live events (the actor publishes nothing in between).
        if let after {
            for event in recent[channel.key, default: []] where (event.id ?? 0) > after { continuation.yield(event) }
        }
        subscribers[channel.key, default: [:]][id] = continuation
        let heartbeat = Task {
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: UInt64(heartbeatSeconds * 1_000_000_000))
                if Task.isCancelled { break }
                continuation.yield(.heartbeat)
            }
        }
        continuation.onTermination = { [weak self] _ in
            heartbeat.cancel()
            Task { await self?.remove(id, from: channel.key) }
        }
        return LiveSubscription(id: id, channel: channel, stream: stream)
    }

    func unsubscribe(_ subscription: LiveSubscription) {
        subscribers[subscription.channel.key]?[subscription.id]?.finish()
        remove(subscription.id, from: subscription.channel.key)
    }

    /// How many screens watch `channel` (for tests and metrics).
    func subscriberCount(_ channel: LiveChannel) -> Int { subscribers[channel.key]?.count ?? 0 }

    private func remove(_ id: UUID, from key: String) {
        guard subscribers[key]?[id] != nil else { return }
        subscribers[key]?[id] = nil
        if subscribers[key]?.isEmpty == true {
            subscribers[key] = nil
            leftAt[key] = now()
        }
    }
}
