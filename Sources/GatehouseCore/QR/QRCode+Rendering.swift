import Foundation

extension QRCode {
    /// An SVG drawing with a four-module quiet zone; one path, crisp at any size.
    public func svg(moduleSize: Int = 8, quietZone: Int = 4) -> String {
        let full = (size + 2 * quietZone) * moduleSize
        var path = ""
        for y in 0..<size {
            var x = 0
            while x < size {
                guard isDark(x: x, y: y) else { x += 1; continue }
                var run = 1
                while x + run < size, isDark(x: x + run, y: y) { run += 1 }
                path += "M\((x + quietZone) * moduleSize) \((y + quietZone) * moduleSize)h\(run * moduleSize)v\(moduleSize)h-\(run * moduleSize)z"
                x += run
            }
        }
        return """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(full)" height="\(full)" viewBox="0 0 \(full) \(full)" shape-rendering="crispEdges">\
        <rect width="100%" height="100%" fill="#fff"/><path fill="#000" d="\(path)"/></svg>
        """
    }

    /// A 1-bit greyscale PNG with a four-module quiet zone.
    public func png(scale: Int = 8, quietZone: Int = 4) -> Data {
        let side = (size + 2 * quietZone) * scale
        let rowBytes = (side + 7) / 8
        var raw = [UInt8]()
        raw.reserveCapacity((rowBytes + 1) * side)
        for py in 0..<side {
            raw.append(0) // filter: none
            var row = [UInt8](repeating: 0xFF, count: rowBytes)
            let my = py / scale - quietZone
            for px in 0..<side {
                let mx = px / scale - quietZone
                if mx >= 0, my >= 0, mx < size, my < size, isDark(x: mx, y: my) {
                    row[px >> 3] &= ~(0x80 >> UInt8(px & 7))
                }
            }
            raw += row
        }
        return PNGWriter.grayscale1Bit(width: side, height: side, scanlines: raw)
    }
}
