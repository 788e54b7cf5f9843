/// The four penalty rules of ISO/IEC 18004 §7.8.3 that choose the mask.
extension QRMatrix {
    func penalty() -> Int {
        var total = 0
        // Rule 1: runs of five or more modules of one colour, in rows and columns.
        for line in 0..<size {
            for horizontal in [true, false] {
                var runColor = false
                var run = 0
                for i in 0..<size {
                    let dark = horizontal ? self[i, line] : self[line, i]
                    if i > 0, dark == runColor {
                        run += 1
                    } else {
                        if run >= 5 { total += 3 + run - 5 }
                        runColor = dark
                        run = 1
                    }
                }
                if run >= 5 { total += 3 + run - 5 }
            }
        }
        // Rule 2: 2×2 blocks of one colour.
        for y in 0..<(size - 1) {
            for x in 0..<(size - 1) {
                let c = self[x, y]
                if c == self[x + 1, y], c == self[x, y + 1], c == self[x + 1, y + 1] { total += 3 }
            }
        }
        // Rule 3: 1:1:3:1:1 finder-like patterns with four light modules on one side.
        let patternA: [Bool] = [true, false, true, true, true, false, true, false, false, false, false]
        let patternB: [Bool] = Array(patternA.reversed())
        for line in 0..<size {
            for start in 0...(size - 11) {
                for horizontal in [true, false] {
                    var matchA = true, matchB = true
                    for k in 0..<11 {
                        let dark = horizontal ? self[start + k, line] : self[line, start + k]
                        if dark != patternA[k] { matchA = false }
                        if dark != patternB[k] { matchB = false }
                        if !matchA && !matchB { break }
                    }
                    if matchA { total += 40 }
                    if matchB { total += 40 }
                }
            }
        }
        // Rule 4: share of dark modules away from 50 %, in steps of 5 %.
        let dark = modules.filter { $0 }.count
        let percent = dark * 100 / modules.count
        total += abs(percent - 50) / 5 * 10
        return total
    }
}
