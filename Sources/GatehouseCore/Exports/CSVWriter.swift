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
        cells.map { raw in
            let cell = inert(raw)
            guard cell.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
            return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }.joined(separator: ",") + "\r\n"
    }
}
