import WenshuCore

/// The part of a table that goes on one page: the header rows, then whole rows and perhaps the
/// top of a row cut between its text lines.
public struct TableSlice: Sendable {
    /// Items positioned relative to the slice's top-left corner (x from the table's left edge),
    /// painted in this order: cell fills, cell content, inner rules, the outer border.
    public var frame: Frame
    /// The slice's height: the bottom of its last row.
    public var height: Length
    /// Where the next slice starts, or nil when the table is done.
    public var next: PreparedTable.Cursor?

    /// Draws `pieces` (the header's first) one under the other.
    init(table: PreparedTable, pieces: [TablePiece], next: PreparedTable.Cursor?) {
        var rowEdges = [Length.zero]
        var fills: [FrameElement] = []
        var content: [FrameElement] = []
        var borders = TableBorders()
        let edges = table.columnEdges
        let padding = table.padding
        for piece in pieces {
            let firstSlot = rowEdges.count - 1
            for h in piece.rowHeights { rowEdges.append(rowEdges[rowEdges.count - 1] + h) }
            for s in piece.cells {
                let cell = table.cells[s.index]
                let slots = (firstSlot + s.first - piece.firstRow)..<(firstSlot + s.last - piece.firstRow + 1)
                let columns = cell.column..<(cell.column + cell.colspan)
                let box = Rect(x: edges[columns.lowerBound], y: rowEdges[slots.lowerBound],
                               width: edges[columns.upperBound] - edges[columns.lowerBound],
                               height: rowEdges[slots.upperBound] - rowEdges[slots.lowerBound])
                borders.add(columns: columns, slots: slots)
                if let fill = cell.fill {
                    fills.append(FrameElement(position: box.origin, item: .rectangle(box.size, fill: fill, stroke: nil)))
                }
                // The content stands by the cell's alignment in what its foot leaves; the foot on the bottom.
                let inner = box.height - padding.top - padding.bottom
                let footHeight = s.foot ? cell.footHeight : .zero
                let slack = max(.zero, inner - footHeight - cell.height(s.lines))
                let offset: Length = switch s.alignment {
                case .top: .zero
                case .middle: slack / 2
                case .bottom: slack
                }
                let x = box.minX + padding.left
                var y = box.minY + padding.top + offset
                for line in cell.lines[s.lines] { Self.place(line, x: x, top: y, into: &content); y += line.height }
                if s.foot {
                    y = box.maxY - padding.bottom - footHeight
                    for line in cell.foot { Self.place(line, x: x, top: y, into: &content); y += line.height }
                }
            }
        }
        height = rowEdges[rowEdges.count - 1]
        frame = Frame(size: Size(width: table.width, height: height))
        frame.items = fills + content + borders.lines(columnEdges: edges, rowEdges: rowEdges,
                                                      border: table.border, innerRule: table.innerRule)
        self.next = next
    }

    /// Places a cell line in its slot at `top`: a text line's em box centred in its slot, its
    /// baseline 0.88 em below the em box's top, as FlowLayout places lines on the page.
    private static func place(_ line: CellLine, x: Length, top: Length, into items: inout [FrameElement]) {
        switch line.kind {
        case .text(let text):
            let baseline = top + (line.height - text.size) / 2 + text.size * 0.88
            for run in text.runs {
                items.append(FrameElement(position: Point(x: x + run.x, y: baseline), item: .glyphs(run.run)))
            }
        case .image(let image, let size, let dx):
            items.append(FrameElement(position: Point(x: x + dx, y: top), item: .image(image, size: size)))
        case .blank:
            break
        }
    }
}
