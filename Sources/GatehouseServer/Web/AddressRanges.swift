import Foundation
import NIOCore

/// A list of IP addresses and CIDR ranges (`127.0.0.1, 10.0.0.0/8, ::1, fd00::/8`), as an administrator writes
/// them in a variable: who may read `/metrics` (`GATEHOUSE_METRICS_ALLOW`), whose `X-Forwarded-For` is believed
/// (`GATEHOUSE_TRUSTED_PROXIES`).
struct AddressRanges: Sendable, Equatable {
    struct Range: Sendable, Equatable {
        let bytes: [UInt8]
        let prefix: Int

        func contains(_ address: [UInt8]) -> Bool {
            guard address.count == bytes.count else { return false }
            var left = prefix
            for i in 0..<bytes.count where left > 0 {
                let bits = min(8, left)
                let mask: UInt8 = bits == 8 ? 0xFF : ~(0xFF >> UInt8(bits))
                if address[i] & mask != bytes[i] & mask { return false }
                left -= bits
            }
            return true
        }
    }

    let ranges: [Range]

    /// Parses `text`; nil names the entry that is not an address or range.
    static func parse(_ text: String) -> Result<AddressRanges, ConfigurationError> {
        var ranges: [Range] = []
        for entry in text.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init) where !entry.isEmpty {
            let parts = entry.split(separator: "/", maxSplits: 1).map(String.init)
            guard let bytes = Self.bytes(parts[0]) else { return .failure(ConfigurationError("\"\(entry)\" is not an IP address or CIDR range")) }
            let prefix = parts.count == 2 ? Int(parts[1]) : bytes.count * 8
            guard let prefix, (0...bytes.count * 8).contains(prefix) else {
                return .failure(ConfigurationError("\"\(entry)\" has a prefix length out of range"))
            }
            ranges.append(Range(bytes: bytes, prefix: prefix))
        }
        return .success(AddressRanges(ranges: ranges))
    }

    func contains(_ address: SocketAddress?) -> Bool {
        address?.ipAddress.map(contains(text:)) ?? false
    }

    func contains(text: String) -> Bool {
        guard let bytes = Self.bytes(text) else { return false }
        // An IPv4 peer seen on a dual-stack socket (::ffff:a.b.c.d) counts as its IPv4 address.
        if bytes.count == 16, bytes[..<12].elementsEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF]) {
            let v4 = Array(bytes[12...])
            if ranges.contains(where: { $0.contains(v4) }) { return true }
        }
        return ranges.contains { $0.contains(bytes) }
    }

    /// The address's bytes: 4 for IPv4, 16 for IPv6.
    static func bytes(_ text: String) -> [UInt8]? {
        var v4 = in_addr(), v6 = in6_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        if inet_pton(AF_INET6, text, &v6) == 1 { return withUnsafeBytes(of: &v6) { Array($0) } }
        return nil
    }
}
