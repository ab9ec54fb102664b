import WenshuCore

/// Chooses where a paragraph's lines break: a total-fit breaker after Knuth and Plass.
///
/// Every junction the rule tables allow is a candidate break. For each candidate the breaker looks
/// back at every still-active earlier break, measures the line between them (natural width less the
/// half em a line-end mark drops and the half em a line-start opening bracket drops), and rates how
/// far its space must shrink or stretch to fill the measure: badness 100·|r|³, where r is the
/// adjustment over what the line can give. A line that would have to shrink more than it can is
/// impossible, and the earlier break stops being active. The best chain of breaks (least sum of
/// squared badness) wins, so a tight line early in the paragraph can be paid for by a looser one
/// later, which a greedy first-fit breaker cannot do. The last line is ragged (it needs no
/// justification) but must hold at least two characters that are not marks (no lone last character,
/// clreq 3.1.8). If no chain is feasible (a word longer than the line), a greedy pass breaks where it
/// can and lets that line overflow.
struct Linebreak {
    let atoms: [Atom]
    let junctions: [Junction]
    let style: ParagraphStyle
    /// The measure of line `n` (0-based), in points.
    let measure: (Int) -> Double

    private var prefixWidth: [Double] = []
    private var prefixShrink: [Double] = []
    private var prefixStretch: [Double] = []
    private var prefixLetters: [Int] = []
    private var prefixPairs: [Int] = []
    private var prefixOffGrid: [Int] = []

    init(atoms: [Atom], junctions: [Junction], style: ParagraphStyle, measure: @escaping (Int) -> Double) {
        self.atoms = atoms; self.junctions = junctions; self.style = style; self.measure = measure
        let n = atoms.count
        prefixWidth = [Double](repeating: 0, count: n + 1)
        prefixShrink = [Double](repeating: 0, count: n + 1)
        prefixStretch = [Double](repeating: 0, count: n + 1)
        prefixLetters = [Int](repeating: 0, count: n + 1)
        prefixPairs = [Int](repeating: 0, count: n + 1)
        prefixOffGrid = [Int](repeating: 0, count: n + 1)
        for i in 0..<n {
            let j = junctions[i]
            prefixWidth[i + 1] = prefixWidth[i] + atoms[i].width + j.glue
            prefixShrink[i + 1] = prefixShrink[i] + j.totalShrink
            prefixStretch[i + 1] = prefixStretch[i] + j.totalStretch
            prefixLetters[i + 1] = prefixLetters[i] + (atoms[i].isLetter ? 1 : 0)
            prefixPairs[i + 1] = prefixPairs[i] + (j.gridPair ? 1 : 0)
            prefixOffGrid[i + 1] = prefixOffGrid[i] + (GridFill.offGrid(atoms[i].kind) ? 1 : 0)
        }
    }

    /// Natural width of the line holding atoms `s...e`.
    func naturalWidth(_ s: Int, _ e: Int) -> Double {
        prefixWidth[e + 1] - prefixWidth[s] - junctions[e].glue - atoms[s].blankLeft - atoms[e].blankRight
    }
    func shrink(_ s: Int, _ e: Int) -> Double { prefixShrink[e] - prefixShrink[s] }
    func stretch(_ s: Int, _ e: Int) -> Double { prefixStretch[e] - prefixStretch[s] }
    func letters(_ s: Int, _ e: Int) -> Int { prefixLetters[e + 1] - prefixLetters[s] }
    /// Whether the line `s...e` holds pieces off the grid (numbers, Latin, ——): on a grid, such a
    /// line may be spread or compressed; one of Han and marks alone keeps its columns.
    func mixed(_ s: Int, _ e: Int) -> Bool { prefixOffGrid[e + 1] - prefixOffGrid[s] > 0 }

    /// On a grid, how many mark pairs of the line `s...e` must share a cell for it to fit its
    /// measure `L` (0 when it fits as it is); nil when it has too few such pairs to fit.
    func gridCompressions(_ s: Int, _ e: Int, measure L: Double) -> Int? {
        guard let grid = style.grid else { return 0 }
        let over = naturalWidth(s, e) - L
        guard over > 0.01 else { return 0 }
        let need = Int((over / grid.pitch.points - 0.01).rounded(.up))
        return need <= prefixPairs[e] - prefixPairs[s] ? need : nil
    }

    private struct Node {
        var start: Int
        var line: Int
        var demerits: Double
        var previous: Int
    }

    /// The atoms that end each line.
    func breaks() -> [Int] {
        guard !atoms.isEmpty else { return [] }
        if let best = totalFit(tolerance: 2000, loneRule: style.avoidLoneLastCharacter) { return best }
        if let best = totalFit(tolerance: .infinity, loneRule: style.avoidLoneLastCharacter) { return best }
        if let best = totalFit(tolerance: .infinity, loneRule: false) { return best }
        return firstFit()
    }

    private func totalFit(tolerance: Double, loneRule: Bool) -> [Int]? {
        let n = atoms.count
        var nodes = [Node(start: 0, line: 0, demerits: 0, previous: -1)]
        var active = [0]
        var ends = [-1]   // by node: the atom that ends the line before it
        // The breaks still active after this one; a buffer kept across breaks, swapped with `active`.
        var stillActive: [Int] = []
        var final: Int? = nil
        let grid = style.grid != nil
        for e in 0..<n {
            let isEnd = e == n - 1
            let j = junctions[e]
            guard isEnd || j.breakable else { continue }
            let forced = j.forced || isEnd
            var best: (demerits: Double, node: Int)? = nil
            stillActive.removeAll(keepingCapacity: true)
            for a in active {
                let node = nodes[a]
                let L = measure(node.line)
                var W = naturalWidth(node.start, e)
                if let g = style.grid {
                    // Mark pairs share a cell where the line needs it; a justified line ending on
                    // a mark with its ink on the left is half a cell short of the grid's edge.
                    if let k = gridCompressions(node.start, e, measure: L) { W -= Double(k) * g.pitch.points }
                    if !forced, style.alignment == .justified, W <= L + 0.01, Compression.inkOnLeft(atoms[e].kind) {
                        W -= g.pitch.points / 2
                    }
                }
                var ratio: Double
                if W > L + 0.01 {
                    // On a grid only a line holding numbers or Latin (already off its columns past
                    // them) may compress its punctuation to take what follows, as Word and WPS do:
                    // 我局拟于2023年 on one line rather than two lines a cell short.
                    let S = grid && !mixed(node.start, e) ? 0 : shrink(node.start, e)
                    ratio = S > 0 ? -(W - L) / S : -.infinity
                } else if forced || style.alignment == .left || style.alignment == .center || style.alignment == .right {
                    // Ragged lines are not stretched: they are rated against a generous virtual
                    // stretch of a quarter of the measure, so they fill up without being forced full.
                    ratio = forced ? 0 : (L - W) / (stretch(node.start, e) + L / 4)
                } else {
                    var T = stretch(node.start, e)
                    if let g = style.grid {
                        // A grid line holding numbers or Latin is spread like free text (GridFill);
                        // a line of Han and marks alone cannot be, and a gap at its end stays.
                        T = Double(e - node.start) * g.pitch.points * (mixed(node.start, e) ? GridFill.mixedStretch : GridFill.pureStretch)
                    }
                    ratio = T > 0 ? (L - W) / T : (L - W < 0.01 ? 0 : .infinity)
                }
                if ratio < -1 { continue }  // too long already; every later break from here is longer still
                if !forced { stillActive.append(a) }
                let badness = ratio.isInfinite ? Double.infinity : 100 * pow3(abs(ratio))
                guard badness <= tolerance else { continue }
                if isEnd, loneRule, node.start > 0, letters(node.start, e) < 2 { continue }
                let d = node.demerits + (10 + min(badness, 1e7)) * (10 + min(badness, 1e7)) + j.penalty * j.penalty
                if best == nil || d < best!.demerits { best = (d, a) }
            }
            swap(&active, &stillActive)
            if let best {
                nodes.append(Node(start: e + 1, line: nodes[best.node].line + 1, demerits: best.demerits, previous: best.node))
                ends.append(e)
                if isEnd { final = nodes.count - 1 } else { active.append(nodes.count - 1) }
            }
            if forced && !isEnd {
                // A forced break: nothing before it may be carried past it.
                if best == nil { return nil }
                active.removeAll(keepingCapacity: true)
                active.append(nodes.count - 1)
            }
            if active.isEmpty && !isEnd { return nil }
        }
        guard var k = final else { return nil }
        var result: [Int] = []
        while k > 0 {
            result.append(ends[k])
            k = nodes[k].previous
        }
        return result.reversed()
    }

    /// The fallback: fill each line as far as it goes, breaking only where allowed; a piece longer
    /// than the measure is left to overflow rather than lost.
    private func firstFit() -> [Int] {
        var result: [Int] = []
        var start = 0
        var lastGood: Int? = nil
        var e = 0
        while e < atoms.count {
            let isEnd = e == atoms.count - 1
            let fits = naturalWidth(start, e) - shrink(start, e) <= measure(result.count) + 0.01
            if fits {
                if isEnd { result.append(e); break }
                if junctions[e].forced { result.append(e); start = e + 1; lastGood = nil; e += 1; continue }
                if junctions[e].breakable { lastGood = e }
                e += 1
            } else if let g = lastGood {
                result.append(g); start = g + 1; lastGood = nil; e = start
            } else {
                // Nothing fits: break at the first allowed place, overflowing.
                var k = e
                while k < atoms.count - 1 && !junctions[k].breakable { k += 1 }
                result.append(k); start = k + 1; e = start
                if k == atoms.count - 1 { break }
            }
        }
        return result
    }

    private func pow3(_ x: Double) -> Double { x * x * x }
}
