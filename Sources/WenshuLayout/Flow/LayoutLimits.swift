import WenshuCore

/// What layout refuses before it starts: masters and blocks it could only trap on (a pitch of
/// zero turned into a count of lines) or grind through (10^12 blank lines). Templates check their
/// attributes when loaded; this guards content built any other way.
enum LayoutLimits {
    /// The longest page side: 5 m.
    static let maxSide = Length.mm(5000)
    /// The smallest type area each way.
    static let minBody = Length.mm(10)
    /// The most lines one `space` block may ask for.
    static let maxSpaceLines = 1000.0
    /// The most grid lines or columns a master may have.
    static let maxGrid = 500

    static func check(_ master: PageMaster, _ blocks: [Block]) throws {
        try check(master)
        for block in blocks {
            switch block {
            case .section(let s): try check(s.master)
            case .space(let lines):
                guard lines.isFinite, lines >= 0, lines <= maxSpaceLines else {
                    throw LayoutError.extreme("空白 \(lines) 行超出 0 到 \(Int(maxSpaceLines)) 行（a space of \(lines) lines; 0 to \(Int(maxSpaceLines)) allowed）")
                }
            default: continue
            }
        }
    }

    static func check(_ m: PageMaster) throws {
        let sides = [m.size.width, m.size.height]
        guard sides.allSatisfy({ $0.points.isFinite && $0 > .zero && $0 <= maxSide }) else {
            throw LayoutError.extreme("纸张尺寸 \(m.size.width)×\(m.size.height) 不可用（the page size must be above 0 and at most 5 m each way）")
        }
        let margins = [m.margins.top, m.margins.right, m.margins.bottom, m.margins.left]
        guard margins.allSatisfy({ $0.points.isFinite && $0 >= .zero }) else {
            throw LayoutError.extreme("页边距不能为负（margins cannot be negative）")
        }
        guard m.body.width >= minBody, m.body.height >= minBody else {
            throw LayoutError.extreme("页边距留下的版心不足 10×10 mm（the margins leave less than 10×10 mm of type area）")
        }
        guard m.linePitch.points.isFinite, m.linePitch > .zero, m.linePitch <= m.body.height else {
            throw LayoutError.extreme("行距 \(m.linePitch) 须大于 0 且不超过版心高度（the line pitch must be above 0 and at most the type area's height）")
        }
        for n in [m.gridLines, m.gridColumns].compactMap({ $0 }) where !(1...maxGrid).contains(n) {
            throw LayoutError.extreme("版心网格 \(n) 超出 1 到 \(maxGrid)（a grid of \(n) lines or characters; 1 to \(maxGrid) allowed）")
        }
    }
}
