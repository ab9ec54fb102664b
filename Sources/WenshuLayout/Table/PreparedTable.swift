import WenshuCore
import WenshuText

/// A table ready to be cut into page slices.
///
/// Every cell's text is set; the flow asks for one slice a page with ``slice(from:available:)``,
/// starting from ``start`` and going on from each slice's `next` until it is nil. How a slice is
/// cut is described in `TablePiece.swift`.
public struct PreparedTable: Sendable {
    /// Where the next slice starts (row and, inside a split row, how far down it has got).
    public struct Cursor: Sendable, Equatable {
        /// The first row not finished yet.
        public internal(set) var row: Int
        /// For the cells of a unit that a slice cut: how far each has got, by cell index. Cells
        /// not listed have not been shown yet.
        var progress: [Int: CellProgress]

        /// True when the slice starting here continues rows cut at the end of the previous one.
        public var isInsideSplitRow: Bool { !progress.isEmpty }
    }

    /// What a cell cut by a slice shows in the slices after.
    enum CellProgress: Sendable, Equatable {
        /// It was shown whole (a label beside a cell that was cut): repeat it whole.
        case whole
        /// It was cut: go on from this line (its foot is still to come).
        case flowing(Int)
        /// It was cut and has ended since: show it empty.
        case ended
    }

    /// The table's width: its columns' widths summed.
    public var width: Length { columnEdges[columnEdges.count - 1] }
    /// Characters of cell text that no installed font has (drawn as boxes); the flow reports them.
    public let missing: [MissingCharacter]

    let grid: TableGrid
    let cells: [PreparedCell]
    /// Cell indices by the row they start in.
    let cellsByRow: [[Int]]
    /// The x of every column's left edge, and the table's right edge last.
    let columnEdges: [Length]
    let rows: [RowRules]
    let border: Stroke?
    let innerRule: Stroke?
    let padding: Sides
    /// The header rows as every slice shows them at its top; nil without header rows.
    private(set) var header: TablePiece?

    init(grid: TableGrid, cells: [PreparedCell], columnEdges: [Length], rows: [RowRules],
         border: Stroke?, innerRule: Stroke?, padding: Sides, missing: [MissingCharacter]) {
        self.grid = grid; self.cells = cells; self.columnEdges = columnEdges; self.rows = rows
        self.border = border; self.innerRule = innerRule; self.padding = padding; self.missing = missing
        var byRow = Array(repeating: [Int](), count: grid.rowCount)
        for (i, cell) in cells.enumerated() { byRow[cell.row].append(i) }
        cellsByRow = byRow
        if grid.headerRows > 0 {
            let start = Cursor(row: 0, progress: [:])
            let shown = remainder(at: start, through: grid.headerRows - 1)
            let heights = rowHeights(shown, from: 0, through: grid.headerRows - 1, cursor: start, cap: nil)
            header = TablePiece(firstRow: 0, rowHeights: heights, cells: shown, next: nil)
        }
    }

    /// The start of the table: its first row after the header.
    public var start: Cursor { Cursor(row: grid.headerRows, progress: [:]) }

    /// The height of the header rows repeated at the top of every slice.
    public var headerHeight: Length { header?.height ?? .zero }

    /// The next slice from `cursor` no taller than `available`. Header rows (table.headerRows) are
    /// repeated at the top of every slice after the first (and stand at the top of the first).
    /// Returns nil when not even the smallest allowed piece fits in `available`: the header with
    /// the next row whole when it may not split (keepWhole, a minimum height), else with the first
    /// two lines of its cut cells. The flow then starts a new page and calls again with a full page.
    ///
    /// This form cannot know that `available` is a whole page: a row that may not split and is
    /// taller than a page gives nil here every time. Call ``slice(from:available:fullPage:)`` with
    /// `fullPage: true` on a fresh page to be sure of a slice.
    public func slice(from cursor: Cursor, available: Length) -> TableSlice? {
        slice(from: cursor, available: available, fullPage: false)
    }

    /// The next slice from `cursor` no taller than `available`, as ``slice(from:available:)``;
    /// with `fullPage`, never nil: what cannot fit whole is split wherever it must (keepWhole and
    /// minimum heights, the two-line rule given up, at least one line a slice even if it overflows).
    public func slice(from cursor: Cursor, available: Length, fullPage: Bool) -> TableSlice? {
        var pieces: [TablePiece] = []
        if let header { pieces.append(header) }
        var used = headerHeight
        var at = cursor
        var next: Cursor? = nil
        var placed = 0
        while at.row < grid.rowCount {
            let budget = available - used
            var found = piece(at: at, budget: budget, forced: false)
            if found == nil && placed == 0 && fullPage { found = piece(at: at, budget: budget, forced: true) }
            guard let piece = found else {
                if placed == 0 { return nil }
                next = at
                break
            }
            pieces.append(piece)
            placed += 1
            used += piece.height
            if let cut = piece.next { next = cut; break }
            at = Cursor(row: grid.unitEnd[at.row] + 1, progress: [:])
        }
        return TableSlice(table: self, pieces: pieces, next: next)
    }
}

/// The rules of a row that decide how it may split.
struct RowRules: Sendable {
    var minHeight: Length
    var keepWhole: Bool
    init(_ row: TableRow) { minHeight = row.minHeight; keepWhole = row.keepWhole }
    /// A row may split between text lines unless it is kept whole or has a minimum height (a stamp area).
    var splittable: Bool { !keepWhole && minHeight.points <= 0 }
}
