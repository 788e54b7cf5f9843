import Foundation

/// Reads and writes a UUID's 36-character text by hand: Foundation's `UUID(uuidString:)` parses with `sscanf` on Linux, which
/// cost an export an eighth of its time (exports and traces read several ids per row, SQLite stores them as text).
public enum UUIDText {
    /// The UUID in `text` (`8-4-4-4-12` hex digits, either case), or nil.
    public static func parse(_ text: String) -> UUID? {
        var text = text
        return text.withUTF8 { bytes -> UUID? in
            guard bytes.count == 36 else { return nil }
            var value = [UInt8](repeating: 0, count: 16)
            var byte = 0, i = 0
            while i < 36 {
                if i == 8 || i == 13 || i == 18 || i == 23 {
                    guard bytes[i] == UInt8(ascii: "-") else { return nil }
                    i += 1
                    continue
                }
                guard let high = nibble(bytes[i]), let low = nibble(bytes[i + 1]) else { return nil }
                value[byte] = high << 4 | low
                byte += 1
                i += 2
            }
            return UUID(uuid: (value[0], value[1], value[2], value[3], value[4], value[5], value[6], value[7],
                               value[8], value[9], value[10], value[11], value[12], value[13], value[14], value[15]))
        }
    }

    /// `id.uuidString` (capitals), written without Foundation: on Linux `uuidString` formats with `sprintf`, and
    /// a hot path writes several ids per row.
    public static func text(_ id: UUID) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        return withUnsafeBytes(of: id.uuid) { bytes in
            String(unsafeUninitializedCapacity: 36) { out in
                var i = 0
                for (n, byte) in bytes.enumerated() {
                    if n == 4 || n == 6 || n == 8 || n == 10 { out[i] = UInt8(ascii: "-"); i += 1 }
                    out[i] = digits[Int(byte >> 4)]
                    out[i + 1] = digits[Int(byte & 0x0f)]
                    i += 2
                }
                return i
            }
        }
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
