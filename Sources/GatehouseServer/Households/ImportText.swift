import Foundation

/// The text of an uploaded spreadsheet file: UTF-8 (with or without a byte order mark), else GB18030 — what
/// Excel on a Chinese Windows writes for "CSV".
enum ImportText {
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    static func decode(_ data: Data) -> String? {
        if let text = String(data: data, encoding: .utf8) { return text }
        return String(data: data, encoding: gb18030)
    }
}
