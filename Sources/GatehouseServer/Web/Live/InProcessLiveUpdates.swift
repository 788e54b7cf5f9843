import Foundation

/// Live updates within one server process.
actor InProcessLiveUpdates: LiveUpdates {
    private var subscribers: [String: [UUID: AsyncStream<LiveEvent>.Continuation]] = [:]

    func publish(_ event: LiveEvent, to channel: LiveChannel) {
        for continuation in subscribers[channel.key, default: [:]].values {
            continuation.yield(event)
        }
    }

    func isWatched(_ channels: [LiveChannel]) -> Bool {
        channels.contains { !(subscribers[$0.key]?.isEmpty ?? true) }
    }

    func subscribe(_ channel: LiveChannel, heartbeatSeconds: Double = 20) -> LiveSubscription {
        let id = UUID()
        let (stream, continuation) = AsyncStream.makeStream(of: LiveEvent.self, bufferingPolicy: .bufferingNewest(100))
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
        subscribers[key]?[id] = nil
        if subscribers[key]?.isEmpty == true { subscribers[key] = nil }
    }
}
