import WenshuCore

/// Resolves a table's column widths from its column specifications and the width it may take.
///
/// Fixed widths are served first; fractions share what the fixed columns leave, in proportion to
/// their values (`.fraction(2)` is twice `.fraction(1)`). When the fixed widths alone exceed the
/// width, they are scaled down in proportion and the others get nothing. When there are no
/// fractions or automatic columns and the fixed widths sum to less than the width, the table is
/// narrower than the width (its columns are taken as the form gives them). Negative values count
/// as zero.
///
/// Automatic columns (`auto`) are sized from their content as a browser's automatic table layout
/// does (CSS 2.1 §17.5.2.2), within what the fixed columns leave: every column is given at least
/// its minimum (its longest unbreakable piece: a date, a number, a word), automatic columns then
/// grow towards their preferred width (their text on one line) in proportion to what they lack,
/// and fractions share what is left. Without fractions, space left once every automatic column
/// has its preferred width is shared out among them in proportion to those widths, so the table
/// still fills its width.
enum ColumnWidths {
    /// A column's content widths, in points, padding included.
    struct Intrinsic: Equatable {
        var minimum: Double
        var preferred: Double
        static let zero = Intrinsic(minimum: 0, preferred: 0)
    }

    /// The width of every column, in order. `intrinsic` (one entry a column) is read for the
    /// automatic columns and for the minimum of fractions; without it they count as empty.
    static func resolve(_ columns: [ColumnWidth], width: Length, intrinsic: [Intrinsic] = []) -> [Length] {
        func content(_ i: Int) -> Intrinsic { i < intrinsic.count ? intrinsic[i] : .zero }
        var fixed = 0.0, shares = 0.0
        for column in columns {
            switch column {
            case .fixed(let length): fixed += max(0, length.points)
            case .fraction(let share): shares += max(0, share)
            case .auto: break
            }
        }
        let available = max(0, width.points)
        let scale = fixed > available && fixed > 0 ? available / fixed : 1
        var left = max(0, available - fixed * scale)
        // What the automatic columns take.
        var widths = [Double](repeating: 0, count: columns.count)
        let autos = columns.indices.filter { columns[$0] == .auto }
        if !autos.isEmpty {
            let fractionMinimum = columns.indices.reduce(0.0) { sum, i in
                if case .fraction(let f) = columns[i], f > 0 { return sum + content(i).minimum }
                return sum
            }
            let room = max(0, left - fractionMinimum)
            let minimum = autos.reduce(0.0) { $0 + content($1).minimum }
            let preferred = autos.reduce(0.0) { $0 + max(content($1).minimum, content($1).preferred) }
            for i in autos {
                let c = content(i)
                let pref = max(c.minimum, c.preferred)
                if minimum >= room {
                    // Not even the minimums fit: they share the room in proportion.
                    widths[i] = minimum > 0 ? room * c.minimum / minimum : room / Double(autos.count)
                } else if preferred <= room {
                    widths[i] = pref
                    if shares == 0 {
                        // No fraction to take the rest: the automatic columns fill the table.
                        let extra = room - preferred
                        widths[i] += preferred > 0 ? extra * pref / preferred : extra / Double(autos.count)
                    }
                } else {
                    // Between: each grows from its minimum by its share of what it lacks.
                    widths[i] = c.minimum + (room - minimum) * (pref - c.minimum) / (preferred - minimum)
                }
            }
            left = max(0, left - autos.reduce(0.0) { $0 + widths[$1] })
        }
        for (i, column) in columns.enumerated() {
            switch column {
            case .fixed(let length): widths[i] = max(0, length.points) * scale
            case .fraction(let share): widths[i] = shares > 0 ? left * max(0, share) / shares : 0
            case .auto: break
            }
        }
        return widths.map { .pt($0) }
    }
}
