import Foundation

/// One screen's subscription to a channel.
struct LiveSubscription: Sendable {
    let id: UUID
    let channel: LiveChannel
    let stream: AsyncStream<LiveEvent>
}
