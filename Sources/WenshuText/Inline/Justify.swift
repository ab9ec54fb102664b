import WenshuCore

/// Spreads a line's surplus or shortfall over its junctions in the clreq order (typesetting brief,
/// rule 6). Shrinking takes word spaces first, then the blanks of brackets, then of ，、；：, then
/// Han–Latin spaces, then the blanks of 。？！, each class used up before the next is touched (the
/// half em of a line-end mark is already gone, in the breaker's measure). Stretching widens word
/// spaces and Han–Latin spaces first (up to what they offer), then spreads what is left evenly over
/// every gap between characters, never inside a word or a ——/……. Returns the adjustment of each
/// junction `s..<e`, in points.
enum Justify {
    static func adjustments(junctions: [Junction], from s: Int, to e: Int, delta: Double) -> [Double] {
        var adjust = [Double](repeating: 0, count: max(0, e - s))
        guard e > s, abs(delta) > 0.001 else { return adjust }
        if delta < 0 {
            var need = -delta
            for p in ShrinkPriority.allCases where need > 0.0001 {
                let cap = (s..<e).reduce(0.0) { $0 + junctions[$1].shrink[p.rawValue] }
                guard cap > 0 else { continue }
                let take = min(need, cap)
                for k in s..<e { adjust[k - s] -= junctions[k].shrink[p.rawValue] * take / cap }
                need -= take
            }
        } else {
            var need = delta
            for p in [StretchPriority.wordSpace, .hanLatin] where need > 0.0001 {
                let cap = (s..<e).reduce(0.0) { $0 + junctions[$1].stretch[p.rawValue] }
                guard cap > 0 else { continue }
                let take = min(need, cap)
                for k in s..<e { adjust[k - s] += junctions[k].stretch[p.rawValue] * take / cap }
                need -= take
            }
            if need > 0.0001 {
                let gaps = (s..<e).filter { junctions[$0].stretch[StretchPriority.interCharacter.rawValue] > 0 }
                if !gaps.isEmpty {
                    let each = need / Double(gaps.count)
                    for k in gaps { adjust[k - s] += each }
                }
            }
        }
        return adjust
    }
}
