import Vapor

extension Application {
    private struct LiveKey: StorageKey { typealias Value = any LiveUpdates }

    /// The live-update hub (in-process by default).
    var live: any LiveUpdates {
        get { storage[LiveKey.self] ?? { let hub = InProcessLiveUpdates(); storage[LiveKey.self] = hub; return hub }() }
        set { storage[LiveKey.self] = newValue }
    }
}

extension Request {
    var live: any LiveUpdates { application.live }
}
