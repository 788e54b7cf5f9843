import Vapor

/// The address a request came from, for limits and locks: the peer's, or — when the peer is one of the trusted
/// proxies (`GATEHOUSE_TRUSTED_PROXIES`) — the nearest `X-Forwarded-For` hop that is not itself a trusted proxy.
/// A client cannot choose its address by sending the header: from anyone else the header is ignored, and hops a
/// client wrote lie to the left of the ones the proxies added.
enum ClientAddress {
    static func of(_ req: Request) -> String {
        let peer = req.remoteAddress?.ipAddress ?? "unknown"
        guard let trusted = req.gatehouse.configuration.trustedProxies, trusted.contains(text: peer) else { return peer }
        let hops = req.headers[.xForwardedFor].flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        var nearest = peer
        for hop in hops.reversed() {
            guard AddressRanges.bytes(hop) != nil else { return nearest }
            nearest = hop
            if !trusted.contains(text: hop) { return hop }
        }
        return nearest
    }
}
