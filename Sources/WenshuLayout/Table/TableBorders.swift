import WenshuCore

/// The rules of a slice: every shown cell's four edges, kept once each, drawn as lines.
///
/// Edges are collected in grid steps (a horizontal edge one column long, a vertical edge one row
/// slot tall), so that the shared edge of two neighbouring cells is kept once however the cells
/// span, and no rule is drawn through a merged cell (it has no edge there). Consecutive steps on
/// one line are then merged into one `.line` item. Edges on the slice's outside take the table's
/// border, the others its inner rule; a nil stroke draws nothing.
struct TableBorders: Sendable {
    private struct Step: Hashable { var line: Int; var step: Int }
    /// Horizontal steps: the row edge (0 at the slice's top) and the column.
    private var horizontal: Set<Step> = []
    /// Vertical steps: the column edge (0 at the table's left) and the row slot.
    private var vertical: Set<Step> = []
    private var columnCount = 0
    private var slotCount = 0

    /// Adds the edges of a cell covering `columns` and the row slots `slots`.
    mutating func add(columns: Range<Int>, slots: Range<Int>) {
        for c in columns {
            horizontal.insert(Step(line: slots.lowerBound, step: c))
            horizontal.insert(Step(line: slots.upperBound, step: c))
        }
        for s in slots {
            vertical.insert(Step(line: columns.lowerBound, step: s))
            vertical.insert(Step(line: columns.upperBound, step: s))
        }
        columnCount = max(columnCount, columns.upperBound)
        slotCount = max(slotCount, slots.upperBound)
    }

    /// The rules as line items: inner rules first, the outer border over them. Outer horizontal
    /// rules reach half the border's width past the corners, so that butt-capped lines close them.
    func lines(columnEdges: [Length], rowEdges: [Length], border: Stroke?, innerRule: Stroke?) -> [FrameElement] {
        var inner: [FrameElement] = [], outer: [FrameElement] = []
        for (line, runs) in Self.runs(horizontal) {
            let isOuter = line == 0 || line == slotCount
            guard let stroke = isOuter ? border : innerRule else { continue }
            let y = rowEdges[line]
            let reach = isOuter ? stroke.width / 2 : .zero
            for run in runs {
                let element = FrameElement(position: Point(x: columnEdges[run.lowerBound] - reach, y: y),
                                           item: .line(to: Point(x: columnEdges[run.upperBound] + reach, y: y), stroke: stroke))
                if isOuter { outer.append(element) } else { inner.append(element) }
            }
        }
        for (line, runs) in Self.runs(vertical) {
            let isOuter = line == 0 || line == columnCount
            guard let stroke = isOuter ? border : innerRule else { continue }
            let x = columnEdges[line]
            for run in runs {
                let element = FrameElement(position: Point(x: x, y: rowEdges[run.lowerBound]),
                                           item: .line(to: Point(x: x, y: rowEdges[run.upperBound]), stroke: stroke))
                if isOuter { outer.append(element) } else { inner.append(element) }
            }
        }
        return inner + outer
    }

    /// The steps grouped by line, in order, each line's steps merged into runs of consecutive steps.
    private static func runs(_ steps: Set<Step>) -> [(Int, [Range<Int>])] {
        let byLine = Dictionary(grouping: steps, by: \.line)
        return byLine.keys.sorted().map { line in
            var runs: [Range<Int>] = []
            for step in byLine[line]!.map(\.step).sorted() {
                if let last = runs.last, last.upperBound == step {
                    runs[runs.count - 1] = last.lowerBound..<(step + 1)
                } else {
                    runs.append(step..<(step + 1))
                }
            }
            return (line, runs)
        }
    }
}
