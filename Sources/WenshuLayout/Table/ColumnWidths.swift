import WenshuCore

/// Resolves a table's column widths from its column specifications and the width it may take.
///
/// Fixed widths are served first; fractions share what the fixed columns leave, in proportion to
/// their values (`.fraction(2)` is twice `.fraction(1)`). When the fixed widths alone exceed the
/// width, they are scaled down in proportion and the fractions get nothing. When there are no
/// fractions and the fixed widths sum to less than the width, the table is narrower than the
/// width (its columns are taken as the form gives them). Negative values count as zero.
enum ColumnWidths {
    /// The width of every column, in order.
    static func resolve(_ columns: [ColumnWidth], width: Length) -> [Length] {
        var fixed = 0.0, shares = 0.0
        for column in columns {
            switch column {
            case .fixed(let length): fixed += max(0, length.points)
            case .fraction(let share): shares += max(0, share)
            }
        }
        let available = max(0, width.points)
        let scale = fixed > available && fixed > 0 ? available / fixed : 1
        let left = max(0, available - fixed * scale)
        return columns.map { column in
            switch column {
            case .fixed(let length): .pt(max(0, length.points) * scale)
            case .fraction(let share): shares > 0 ? .pt(left * max(0, share) / shares) : .zero
            }
        }
    }
}
