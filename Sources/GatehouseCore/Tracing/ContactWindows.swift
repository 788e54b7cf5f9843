import Foundation

/// Co-presence for contact tracing: around each passage of the traced person, everyone who passed the same
/// checkpoint within ± the window. Overlapping windows at one checkpoint are merged, so each is searched once.
public enum ContactWindows {
    public struct Window: Sendable, Equatable {
        public let checkpoint: UUID
        public let start: Date
        public let end: Date
    }

    /// The merged windows around `passages` (checkpoint and time), ± `minutes`.
    public static func windows(around passages: [(checkpoint: UUID, at: Date)], minutes: Int) -> [Window] {
        let span = TimeInterval(minutes * 60)
        var result: [Window] = []
        for (checkpoint, list) in Dictionary(grouping: passages, by: \.checkpoint) {
            var current: Window?
            for p in list.sorted(by: { $0.at < $1.at }) {
                let start = p.at - span, end = p.at + span
                if let c = current, start <= c.end {
                    current = Window(checkpoint: checkpoint, start: c.start, end: max(c.end, end))
                } else {
                    if let c = current { result.append(c) }
                    current = Window(checkpoint: checkpoint, start: start, end: end)
                }
            }
            if let c = current { result.append(c) }
        }
        return result.sorted { ($0.start, $0.checkpoint.uuidString) < ($1.start, $1.checkpoint.uuidString) }
    }

    /// Minutes between a contact's passage and the nearest of the traced person's passages at that checkpoint.
    public static func minutesApart(_ at: Date, checkpoint: UUID, from passages: [(checkpoint: UUID, at: Date)]) -> Int {
        let gaps = passages.filter { $0.checkpoint == checkpoint }.map { abs($0.at.timeIntervalSince(at)) }
        return Int(((gaps.min() ?? 0) / 60).rounded())
    }
}
