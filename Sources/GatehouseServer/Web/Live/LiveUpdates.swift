import Foundation

/// Live updates (reader posts, new passages, alerts) go through this one interface. The in-process hub
/// serves one instance; a PostgreSQL LISTEN/NOTIFY implementation can replace it for several instances.
protocol LiveUpdates: Sendable {
    func publish(_ event: LiveEvent, to channel: LiveChannel) async
    /// Whether any screen watches one of `channels` (so an event is worth encoding).
    func isWatched(_ channels: [LiveChannel]) async -> Bool
    /// A stream of the channel's events from now on — after those published since `after` (the `Last-Event-ID` of a
    /// browser that reconnects), as far as they are kept — with a heartbeat every `heartbeatSeconds`.
    func subscribe(_ channel: LiveChannel, heartbeatSeconds: Double, after: Int64?) async -> LiveSubscription
    /// Ends a subscription (the screen went away).
    func unsubscribe(_ subscription: LiveSubscription) async
}

extension LiveUpdates {
    /// A stream of the channel's events from now on.
    func subscribe(_ channel: LiveChannel, heartbeatSeconds: Double) async -> LiveSubscription {
        await subscribe(channel, heartbeatSeconds: heartbeatSeconds, after: nil)
    }
}
