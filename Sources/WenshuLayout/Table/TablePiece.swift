import WenshuCore

/// How a table splits across pages.
///
/// What: a table is cut into slices, one a page, at the boundaries of *units*: a unit is one row,
/// or the rows that rowspans join together (a label spanning three rows makes those rows one unit).
/// A slice takes whole units while they fit. The unit that does not fit is cut between text lines:
/// the budget line (the bottom of what is left of the page) runs through one of its rows, and every
/// cell crossing it keeps the lines that fit above it, set from the cell's top, and carries the rest
/// into the next slice, where they start again at the cell's top under the repeated header rows.
/// A crossing cell whose content fits whole above the line is taken for a label (品牌建设情况 beside
/// its 2000-character answer) and is repeated whole, with its own vertical alignment, in every piece
/// the unit continues in, as a printed form repeats it; a cell that was cut and has ended since shows
/// empty. Rows wholly above the line are shown whole; cells wholly below it wait for the next slice.
/// When the crossing row may not split (keepWhole, or a minimum height: a stamp area) or no cut in it
/// moves any text, the unit is cut at that row's top instead (the rows above stay; spanning cells
/// crossing the cut split at their lines); when that moves nothing either, because the line crosses
/// the unit's first row, the unit moves whole to the next slice (and `slice` returns nil when it is
/// the slice's first unit, so that the flow starts a new page). A cut cell of more than three lines
/// keeps at least two lines on each side of the cut, or none on this side, loosely as FlowLayout does
/// for paragraphs; a cell's foot (（盖章）, 年 月 日) stays with its last line.
///
/// Why: a unit is the smallest run of rows whose cells all start and end inside it, so a cut
/// between units never cuts a spanning cell; a cut inside a unit only between lines keeps every line
/// whole and readable; restarting each cut cell at the top of its continuation (rather than keeping
/// the cells' offsets) lets cells of different line pitches split independently and fill the next
/// page from its top; repeating the labels keeps a continued answer identifiable on its own page.
/// On a fresh page (`fullPage`), whatever keeps a unit whole gives way: the cut falls where the
/// budget line is, the two-line rule is dropped, and at least one line is set even if it overflows.
///
/// A `TablePiece` is the share of one unit that a slice shows; `PreparedTable.piece(at:budget:forced:)`
/// makes it.
struct TablePiece: Sendable {
    /// The first row shown; the piece shows `rowHeights.count` rows from it.
    var firstRow: Int
    var rowHeights: [Length]
    var cells: [ShownCell]
    /// Where the unit continues when the piece cut it; nil when the unit is done.
    var next: PreparedTable.Cursor?
    var height: Length { rowHeights.reduce(.zero, +) }
}

/// A cell as a piece shows it.
struct ShownCell: Sendable {
    /// The cell's index in the prepared table.
    var index: Int
    /// The rows it covers in this piece.
    var first: Int
    var last: Int
    /// The content lines it shows, and whether it shows its foot.
    var lines: Range<Int>
    var foot: Bool
    var alignment: VerticalAlignment
}

extension PreparedTable {
    /// A hundredth of a point's leeway when comparing heights, against rounding.
    private static let leeway = Length.pt(0.01)

    /// The piece of the unit at `cursor` no taller than `budget`, or nil when none is allowed.
    /// `forced` gives up keepWhole, minimum heights (capped to the budget) and the two-line rule,
    /// and always returns a piece.
    func piece(at cursor: Cursor, budget: Length, forced: Bool) -> TablePiece? {
        let first = cursor.row, end = grid.unitEnd[cursor.row]
        let base = remainder(at: cursor, through: end)
        let heights = rowHeights(base, from: first, through: end, cursor: cursor, cap: forced ? budget : nil)
        let whole = TablePiece(firstRow: first, rowHeights: heights, cells: base, next: nil)
        if whole.height <= budget + Self.leeway { return whole }

        var tops = [Length.zero]
        for h in heights { tops.append(tops[tops.count - 1] + h) }
        var k = first
        while k < end && tops[k - first + 1] <= budget + Self.leeway { k += 1 }
        let context = CutContext(base: base, first: first, row: k, tops: tops, cursor: cursor, forced: forced)
        if forced || rows[k].splittable {
            let cut = self.cut(context, at: budget)
            if cut.movedLines { return cut.piece }
        }
        if k > first { return self.cut(context, at: tops[k - first]).piece }
        return forced ? whole : nil
    }

    /// The cells of the unit from `cursor.row` through `end` with what is left of their content.
    func remainder(at cursor: Cursor, through end: Int) -> [ShownCell] {
        var shown: [ShownCell] = []
        for r in grid.unitStart[cursor.row]...end {
            for i in cellsByRow[r] {
                let cell = cells[i]
                guard cell.lastRow >= cursor.row else { continue }
                let all = 0..<cell.lines.count
                var s = ShownCell(index: i, first: max(cell.row, cursor.row), last: min(cell.lastRow, end),
                                  lines: all, foot: true, alignment: cell.alignment)
                switch cursor.progress[i] {
                case nil, .whole?: break
                case .flowing(let next)?: s.lines = next..<cell.lines.count; s.alignment = .top
                case .ended?: s.lines = all.upperBound..<all.upperBound; s.foot = false; s.alignment = .top
                }
                shown.append(s)
            }
        }
        return shown
    }

    /// The height a shown cell needs: its lines and foot between the paddings.
    func need(_ s: ShownCell) -> Length {
        let cell = cells[s.index]
        return padding.top + cell.height(s.lines) + (s.foot ? cell.footHeight : .zero) + padding.bottom
    }

    /// The heights of rows `first...last` holding `shown`: each row at least its minimum height
    /// (not in the first row of a continuation; capped to `cap` when given) and as tall as its
    /// one-row cells need; a spanning cell that needs more than its rows grows the last of them.
    func rowHeights(_ shown: [ShownCell], from first: Int, through last: Int, cursor: Cursor, cap: Length?) -> [Length] {
        let continues = cursor.progress.values.contains { if case .flowing = $0 { true } else { false } }
        var heights = (first...last).map { r -> Length in
            if r == first && continues { return .zero }
            return cap.map { min($0, rows[r].minHeight) } ?? rows[r].minHeight
        }
        for s in shown where s.first == s.last { heights[s.first - first] = max(heights[s.first - first], need(s)) }
        for s in shown.filter({ $0.first < $0.last }).sorted(by: { $0.last < $1.last }) {
            let have = heights[(s.first - first)...(s.last - first)].reduce(.zero, +)
            let want = need(s)
            if want > have { heights[s.last - first] += want - have }
        }
        return heights
    }

    /// What a cut needs to know: the unit's remaining cells, its first row, the row the budget line
    /// crosses, the rows' tops from the unit's first row (one more than the rows: the bottom last).
    struct CutContext {
        var base: [ShownCell]
        var first: Int
        var row: Int
        var tops: [Length]
        var cursor: Cursor
        var forced: Bool
    }

    /// The unit cut at `y` (from its top) in row `context.row`, and whether any cut cell moved on
    /// by a line (rather than only whole rows above the cut being done).
    func cut(_ context: CutContext, at y: Length) -> (piece: TablePiece, movedLines: Bool) {
        let k = context.row, first = context.first
        let rowTop = context.tops[k - first]
        let showsRow = y > rowTop + Self.leeway
        var shown: [ShownCell] = []
        var progress: [Int: CellProgress] = [:]
        var height = rowTop
        var moved = false
        var forceable: Int? = nil
        for var s in context.base {
            if s.last < k { shown.append(s); continue }
            if s.first > k || (s.first == k && !showsRow) { continue }
            // The cell crosses the cut.
            let cell = cells[s.index]
            let top = context.tops[s.first - first]
            let room = y - top - padding.top - padding.bottom
            let wasCut: Bool = switch context.cursor.progress[s.index] {
            case .flowing?, .ended?: true
            default: false
            }
            s.last = showsRow ? k : k - 1
            if cell.height(s.lines) + (s.foot ? cell.footHeight : .zero) <= room + Self.leeway {
                progress[s.index] = wasCut ? .ended : .whole
                if wasCut && !s.lines.isEmpty { moved = true }
                height = max(height, top + need(s))
                shown.append(s)
                continue
            }
            let from = s.lines.lowerBound, count = s.lines.count
            var m = 0
            while m < count && cell.height(from..<(from + m + 1)) <= room + Self.leeway { m += 1 }
            if m == count { m -= 1 }  // the foot did not fit: its last line goes with it
            if !context.forced && cell.lines.count > 3 {
                if count - m < 2 { m = count - 2 }  // no line left alone at the top of the next slice
                if m < 2 { m = 0 }                  // none alone at the bottom of this one
            } else if !context.forced {
                m = 0                               // a cell of three lines or fewer moves whole
            }
            m = max(0, m)
            if m == 0 && count > 0 && forceable == nil { forceable = shown.count }
            s.lines = from..<(from + m)
            s.foot = false
            s.alignment = .top
            progress[s.index] = .flowing(from + m)
            if m > 0 {
                moved = true
                height = max(height, top + need(s))
            }
            // A cell showing nothing is an empty box down to the piece's bottom, however little room it has.
            shown.append(s)
        }
        if context.forced && !moved, let i = forceable {
            // A fresh page that cannot hold even one line of the cell: set one line anyway.
            let lines = shown[i].lines
            shown[i].lines = lines.lowerBound..<(lines.upperBound + 1)
            progress[shown[i].index] = .flowing(lines.upperBound + 1)
            height = max(height, context.tops[shown[i].first - first] + need(shown[i]))
            moved = true
        }
        var heights = Array(context.tops.adjacentDifferences.prefix(k - first))
        if showsRow { heights.append(height - rowTop) }
        let next = PreparedTable.Cursor(row: k, progress: progress)
        return (TablePiece(firstRow: first, rowHeights: heights, cells: shown, next: next), moved)
    }
}

extension Array where Element == Length {
    /// The differences of consecutive elements: the heights between the tops.
    fileprivate var adjacentDifferences: [Length] { zip(self, dropFirst()).map { $1 - $0 } }
}
