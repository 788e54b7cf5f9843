import GatehouseCore
import GatehouseStore
import Vapor

/// The domain services one running server shares: clock, sealing, blind index and configuration.
public struct GatehouseServices: Sendable {
    public let configuration: AppConfiguration
    public let clock: any WallClock
    public let keyRing: SecretKeyRing
    public let sealer: FieldSealer
    public let blindIndex: BlindIndex
    public let divisions: DivisionCodes
    public let passSigner: PassTokenSigner
    public let passVerifier: PassTokenVerifier
    /// The verifier with a memory of the tokens whose signature held (what the gate uses to check a scan).
    let passSignatures: PassSignatureMemo
    /// The gate's write path: passages share transactions (group commit) on SQLite.
    let groupCommit: GroupCommit<PassageRecord>
    /// Figures for `GET /metrics`.
    let metrics: GatehouseMetrics
    /// Bearer tokens and gate settings, kept for a few seconds.
    let hotPath: HotPathCaches

    public init(configuration: AppConfiguration, clock: any WallClock, keyRing: SecretKeyRing) {
        self.configuration = configuration
        self.clock = clock
        self.keyRing = keyRing
        self.sealer = FieldSealer(ring: keyRing)
        self.blindIndex = BlindIndex(ring: keyRing)
        self.divisions = .bundled
        self.passSigner = PassTokenSigner(ring: keyRing)
        self.passVerifier = PassTokenVerifier(ring: keyRing)
        self.passSignatures = PassSignatureMemo(verifier: passVerifier)
        let metrics = GatehouseMetrics()
        self.metrics = metrics
        self.groupCommit = GroupCommit(onBatch: { metrics.batch(size: $0) })
        self.hotPath = HotPathCaches()
    }

    /// Today in China Standard Time, by the injected clock.
    public var today: CalendarDate { CalendarDate(clock.now()) }
}

extension Application {
    private struct ServicesKey: StorageKey { typealias Value = GatehouseServices }

    /// The services set by `GatehouseApp.configure`.
    public var gatehouse: GatehouseServices {
        get {
            guard let services = storage[ServicesKey.self] else {
                fatalError("GatehouseApp.configure(_:) has not run on this Application")
            }
            return services
        }
        set { storage[ServicesKey.self] = newValue }
    }
}

extension Request {
    /// The application's services.
    public var gatehouse: GatehouseServices { application.gatehouse }
}
