/// Writes JSON values into a string by hand, for the few answers large enough that `JSONEncoder` costs more than
/// finding the data (a contact trace can hold tens of thousands of lines).
enum JSONText {
    /// Appends `text` as a JSON string literal (quotes, backslashes and control characters escaped).
    static func append(_ text: String, to out: inout String) {
        out.append("\"")
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out.append(text)
        } else {
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out.append("\\\"")
                case "\\": out.append("\\\\")
                case "\n": out.append("\\n")
                case "\r": out.append("\\r")
                case "\t": out.append("\\t")
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                default: out.unicodeScalars.append(scalar)
                }
            }
        }
        out.append("\"")
    }

    /// Appends `"key":` and the string, or nothing when the value is nil (as `JSONEncoder` leaves out nil fields).
    static func field(_ key: String, _ value: String?, to out: inout String) {
        guard let value else { return }
        out.append(",\"\(key)\":")
        append(value, to: &out)
    }
}
