/// Writes CSV that spreadsheets open safely: UTF-8 with a byte-order mark (so Excel reads Chinese), RFC 4180 quoting,
/// and every cell that a spreadsheet would run as a formula made inert.
public enum CSVWriter {
    /// The byte-order mark that starts the file.
    public static let byteOrderMark = "\u{FEFF}"

    /// A cell starting with `=`, `+`, `-`, `@`, tab or carriage return is prefixed with `'` so no spreadsheet
    /// evaluates it (formula injection).
    public static func inert(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return cell }
        return "'" + cell
    }

    /// One line, ending in CRLF.
    public static func line(_ cells: [String]) -> String {
        var out = ""
        append(cells, to: &out)
        return out
    }

    /// Appends one line, ending in CRLF, to `out` (an export writes hundreds of thousands into one buffer).
    public static func append(_ cells: [String], to out: inout String) {
        for (n, raw) in cells.enumerated() {
            if n > 0 { out.append(",") }
            appendCell(inert(raw), to: &out)
        }
        out.append("\r\n")
    }

    private static func appendCell(_ cell: String, to out: inout String) {
        guard cell.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) else {
            out.append(cell)
            return
        }
        out.append("\"")
        out.append(cell.replacingOccurrences(of: "\"", with: "\"\""))
        out.append("\"")
    }
}
