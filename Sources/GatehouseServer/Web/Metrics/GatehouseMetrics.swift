import Foundation
import NIOConcurrencyHelpers
import Prometheus
import Vapor

/// The server's own figures for Prometheus (`GET /metrics`): request latency per route, passages by decision,
/// group-commit batch sizes and database errors. Counts and timings only — never personal data. One registry per
/// running app (no process-wide bootstrap), so tests each get their own.
final class GatehouseMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()

    /// Seconds, from 1 ms to 5 s.
    static let latencyBuckets: [Duration] = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000].map { .milliseconds($0) }
    static let batchBuckets: [Double] = [1, 2, 4, 8, 16, 32, 64, 128]

    private static var requestDuration: MetricNameDescriptor { MetricNameDescriptor(
        namespace: "gatehouse", metricName: "http_request_duration", unitName: "seconds",
        helpText: "Time to answer a request, by route pattern, method and status class") }
    private static var passages: MetricNameDescriptor { MetricNameDescriptor(
        namespace: "gatehouse", metricName: "passages", unitName: "total", helpText: "Passages recorded, by decision") }
    private static var batches: MetricNameDescriptor { MetricNameDescriptor(
        namespace: "gatehouse", metricName: "group_commit_batch_size", unitName: "passages",
        helpText: "Passages committed together in one SQLite transaction") }
    private static var databaseErrors: MetricNameDescriptor { MetricNameDescriptor(
        namespace: "gatehouse", metricName: "database_errors", unitName: "total", helpText: "Requests that failed on a database error") }

    private let batchHistogram: ValueHistogram
    private let databaseErrorCounter: Counter

    /// A route's histogram: the route itself (routes live as long as the app), the method and the status class.
    private struct RouteKey: Hashable {
        let route: ObjectIdentifier?
        let method: String
        let statusClass: UInt
    }

    /// The metrics made so far, kept: the registry finds one by name and labels at every call, which cost a
    /// hundredth of a passage.
    private let histograms = NIOLockedValueBox<[RouteKey: DurationHistogram]>([:])
    private let passageCounters = NIOLockedValueBox<[String: Counter]>([:])

    init() {
        batchHistogram = registry.makeValueHistogram(descriptor: Self.batches, buckets: Self.batchBuckets)
        databaseErrorCounter = registry.makeCounter(descriptor: Self.databaseErrors)
    }

    /// One answered request, labelled by its route's pattern (`api/v1/passages/:passageID`), never its values.
    func request(_ route: Route?, method: String, status: UInt, duration: Duration) {
        let key = RouteKey(route: route.map(ObjectIdentifier.init), method: method, statusClass: status / 100)
        if let histogram = histograms.withLockedValue({ $0[key] }) { return histogram.record(duration) }
        let pattern = route.map { $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
        let histogram = registry.makeDurationHistogram(
            descriptor: Self.requestDuration,
            labels: [("route", pattern), ("method", method), ("status", "\(key.statusClass)xx")], buckets: Self.latencyBuckets)
        histograms.withLockedValue { $0[key] = histogram }
        histogram.record(duration)
    }

    /// One recorded passage (`allow`, `deny`, `refer`).
    func passage(decision: String) {
        if let counter = passageCounters.withLockedValue({ $0[decision] }) { return counter.increment() }
        let counter = registry.makeCounter(descriptor: Self.passages, labels: [("decision", decision)])
        passageCounters.withLockedValue { $0[decision] = counter }
        counter.increment()
    }

    /// One group-commit transaction with `size` passages.
    func batch(size: Int) { batchHistogram.record(Double(size)) }

    /// A request that failed on a database error.
    func databaseError() { databaseErrorCounter.increment() }

    /// The text exposition format.
    func exposition() -> String { registry.emitToString() }
}
