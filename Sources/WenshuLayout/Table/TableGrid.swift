import WenshuCore

/// The slots of a table: where every cell stands once spans are resolved.
///
/// Cells are placed row by row, left to right, each in the first column its row has free (slots
/// taken by a rowspan from above are skipped). Spans are clamped: a colspan to the free columns to
/// its right, a rowspan to the table's last row (and a header cell's rowspan to the header). Cells
/// that find no free column in their row are dropped; free slots left in a row are padded with
/// empty cells, one a slot, so that every slot of the grid belongs to exactly one cell.
struct TableGrid: Sendable {
    /// A cell in the grid; `cell` is nil for the padding of a short row.
    struct Placement: Sendable {
        var row: Int
        var column: Int
        var rowspan: Int
        var colspan: Int
        var cell: TableCell?
        var lastRow: Int { row + rowspan - 1 }
    }

    /// The cells, ordered by row, then column.
    private(set) var placements: [Placement] = []
    let rowCount: Int
    let columnCount: Int
    /// Rows at the top repeated on every slice (none when every row would be one).
    let headerRows: Int
    /// For every row, the first and the last row of its unit: the rows that rowspans join together.
    /// The header rows are one unit.
    private(set) var unitStart: [Int] = []
    private(set) var unitEnd: [Int] = []

    init(_ table: TableBlock, columnCount: Int) {
        rowCount = table.rows.count
        self.columnCount = columnCount
        // A table of header rows only has nothing to repeat them over: its rows are body rows.
        headerRows = table.headerRows < rowCount ? max(0, table.headerRows) : 0
        var occupied = Array(repeating: Array(repeating: false, count: columnCount), count: rowCount)
        for (r, row) in table.rows.enumerated() {
            var c = 0
            for cell in row.cells {
                while c < columnCount && occupied[r][c] { c += 1 }
                guard c < columnCount else { break }
                var colspan = 1
                while colspan < max(1, cell.colspan) && c + colspan < columnCount && !occupied[r][c + colspan] { colspan += 1 }
                let limit = r < headerRows ? headerRows : rowCount
                let rowspan = max(1, min(cell.rowspan, limit - r))
                for rr in r..<(r + rowspan) { for cc in c..<(c + colspan) { occupied[rr][cc] = true } }
                placements.append(Placement(row: r, column: c, rowspan: rowspan, colspan: colspan, cell: cell))
                c += colspan
            }
            for c in 0..<columnCount where !occupied[r][c] {
                occupied[r][c] = true
                placements.append(Placement(row: r, column: c, rowspan: 1, colspan: 1, cell: nil))
            }
        }
        placements.sort { ($0.row, $0.column) < ($1.row, $1.column) }

        var lastOfRow = Array(repeating: -1, count: rowCount)
        for p in placements { lastOfRow[p.row] = max(lastOfRow[p.row], p.lastRow) }
        unitStart = Array(repeating: 0, count: rowCount)
        unitEnd = Array(repeating: 0, count: rowCount)
        if headerRows > 0 {
            for r in 0..<headerRows { unitStart[r] = 0; unitEnd[r] = headerRows - 1 }
        }
        var r = headerRows
        while r < rowCount {
            var end = r, i = r
            while i <= end { end = max(end, lastOfRow[i]); i += 1 }
            for j in r...end { unitStart[j] = r; unitEnd[j] = end }
            r = end + 1
        }
    }
}
