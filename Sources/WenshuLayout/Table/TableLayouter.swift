import WenshuCore
import WenshuText

/// Resolves column widths and sets every cell's paragraphs once.
///
/// The result, a ``PreparedTable``, holds every cell's lines; the page flow then cuts it into
/// slices page by page with ``PreparedTable/slice(from:available:)`` without setting text again.
public struct TableLayouter: Sendable {
    public let typesetter: ParagraphTypesetter
    /// Cell paragraphs set before (in an earlier compile of a session), reused when they come again.
    public var cache: ParagraphCache? = nil

    /// A layouter setting cell text with `typesetter`.
    public init(typesetter: ParagraphTypesetter) { self.typesetter = typesetter }

    /// Prepares `table` to be `width` wide (narrower when its columns are all fixed and sum to less).
    /// A table without column specifications gets equal columns, as many as its widest row needs.
    /// - Throws: `LayoutError.text` when a cell's text cannot be set (no font for a role).
    public func prepare(_ table: TableBlock, width: Length) throws -> PreparedTable {
        var columns = table.columns
        if columns.isEmpty {
            let widest = table.rows.map { $0.cells.reduce(0) { $0 + max(1, $1.colspan) } }.max() ?? 1
            columns = Array(repeating: .fraction(1), count: max(1, widest))
        }
        let grid = TableGrid(table, columnCount: columns.count)
        let padding = table.padding
        var intrinsic: [ColumnWidths.Intrinsic] = []
        // The paragraphs shaped to measure the columns, by placement and block: set from that shaping.
        var shaped: [Int: [Int: ShapedParagraph]] = [:]
        if columns.contains(.auto) {
            do { intrinsic = try measure(grid, columns: columns.count, padding: padding, shaped: &shaped) } catch let e as TextError {
                throw LayoutError.text(e)
            }
        }
        var edges = [Length.zero]
        for w in ColumnWidths.resolve(columns, width: width, intrinsic: intrinsic) { edges.append(edges[edges.count - 1] + w) }
        var missing: [MissingCharacter] = []
        var cells: [PreparedCell] = []
        cells.reserveCapacity(grid.placements.count)
        do {
            for (k, p) in grid.placements.enumerated() {
                let measure = max(.pt(1), edges[p.column + p.colspan] - edges[p.column] - padding.left - padding.right)
                let cell = p.cell ?? TableCell(content: [])
                let lines = try PreparedCell.setLines(cell.content, width: measure, typesetter: typesetter, missing: &missing, cache: cache,
                                                      shaped: shaped[k] ?? [:])
                let foot = try PreparedCell.setLines(cell.foot, width: measure, typesetter: typesetter, missing: &missing, cache: cache)
                cells.append(PreparedCell(row: p.row, column: p.column, rowspan: p.rowspan, colspan: p.colspan,
                                          alignment: cell.verticalAlignment, fill: cell.fill, lines: lines, foot: foot))
            }
        } catch let e as TextError {
            throw LayoutError.text(e)
        }
        return PreparedTable(grid: grid, cells: cells, columnEdges: edges, rows: table.rows.map { RowRules($0) },
                             border: table.border, innerRule: table.innerRule, padding: padding, missing: missing)
    }

    /// The content widths of every column, from the cells that span it alone (a spanning cell
    /// is left to the columns it spans): the widest minimum and the widest preferred width.
    private func measure(_ grid: TableGrid, columns: Int, padding: Sides,
                         shaped: inout [Int: [Int: ShapedParagraph]]) throws -> [ColumnWidths.Intrinsic] {
        var out = [ColumnWidths.Intrinsic](repeating: .zero, count: columns)
        let pad = (padding.left + padding.right).points
        for (k, p) in grid.placements.enumerated() where p.colspan == 1 && p.column < columns {
            guard let cell = p.cell else { continue }
            var c = ColumnWidths.Intrinsic.zero
            for (i, block) in (cell.content + cell.foot).enumerated() {
                switch block {
                case .paragraph(let para):
                    let once = try typesetter.shape(para.runs, style: para.style)
                    if i < cell.content.count { shaped[k, default: [:]][i] = once }
                    let w = typesetter.intrinsicWidths(once)
                    c.minimum = max(c.minimum, w.minimum.points)
                    c.preferred = max(c.preferred, w.preferred.points)
                case .image(let image):
                    let w = image.width?.points ?? 0
                    c.minimum = max(c.minimum, w)
                    c.preferred = max(c.preferred, w)
                default:
                    continue
                }
            }
            out[p.column].minimum = max(out[p.column].minimum, c.minimum + pad)
            out[p.column].preferred = max(out[p.column].preferred, c.preferred + pad)
        }
        return out
    }
}
