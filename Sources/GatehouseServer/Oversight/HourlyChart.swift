import Foundation

/// A server-drawn SVG bar chart of entries and exits per hour of the day (China time): no script, readable on a
/// cheap phone, printable.
struct HourlyChart {
    /// Entries and exits for each hour 0…23.
    let entries: [Int]
    let exits: [Int]
    let title: String
    let inLabel: String
    let outLabel: String

    var svg: String {
        let width = 480, height = 180, left = 28, bottom = 20, top = 22
        let plotHeight = height - bottom - top
        let peak = max(1, (entries + exits).max() ?? 1)
        let step = Double(width - left) / 24
        let bar = max(1, step / 2 - 1)
        var parts: [String] = []
        parts.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(Self.escape(title))\" class=\"chart\">")
        parts.append("<title>\(Self.escape(title))</title>")
        parts.append("<line x1=\"\(left)\" y1=\"\(height - bottom)\" x2=\"\(width)\" y2=\"\(height - bottom)\" stroke=\"#888\"/>")
        parts.append("<text x=\"\(left - 4)\" y=\"\(top + 4)\" font-size=\"10\" text-anchor=\"end\">\(peak)</text>")
        parts.append("<text x=\"\(left - 4)\" y=\"\(height - bottom)\" font-size=\"10\" text-anchor=\"end\">0</text>")
        for hour in 0..<24 {
            let x = Double(left) + Double(hour) * step
            for (i, value) in [entries[hour], exits[hour]].enumerated() where value > 0 {
                let h = Double(plotHeight) * Double(value) / Double(peak)
                let y = Double(height - bottom) - h
                let fill = i == 0 ? "#1b7f5a" : "#c0392b"
                parts.append(String(format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%@\"><title>%d:00 %@ %d</title></rect>",
                                    x + Double(i) * (bar + 1), y, bar, h, fill, hour, i == 0 ? Self.escape(inLabel) : Self.escape(outLabel), value))
            }
            if hour % 3 == 0 {
                parts.append(String(format: "<text x=\"%.1f\" y=\"%d\" font-size=\"10\">%d</text>", x, height - 6, hour))
            }
        }
        parts.append("<rect x=\"\(width - 120)\" y=\"4\" width=\"10\" height=\"10\" fill=\"#1b7f5a\"/><text x=\"\(width - 106)\" y=\"13\" font-size=\"11\">\(Self.escape(inLabel))</text>")
        parts.append("<rect x=\"\(width - 60)\" y=\"4\" width=\"10\" height=\"10\" fill=\"#c0392b\"/><text x=\"\(width - 46)\" y=\"13\" font-size=\"11\">\(Self.escape(outLabel))</text>")
        parts.append("</svg>")
        return parts.joined()
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
