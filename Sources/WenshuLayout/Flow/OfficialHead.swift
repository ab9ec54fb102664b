import WenshuCore
import WenshuText

/// The 版头 of an official document (GB/T 9704-2012 §7.2, §10.1, §10.2) set into lines, and its
/// placement on the first page. `Composer` places it; `Prepare` makes it.
struct OfficialHead: Sendable {
    /// The mark on one line (one organ), or the word beside a joint mark (文件), or nil.
    var mark: TextLine?
    /// A joint mark's organs, each brought to the same width (§7.2.4).
    var organs: [TextLine]
    var number: TextLine?
    /// 份号, 密级和保密期限, 紧急程度, top to bottom.
    var corner: [TextLine]
    /// 签发人 lines (§7.2.6): the first starts with the label; the others align with its first name.
    var signers: [TextLine]
    /// Where a signer line's names start, from the line's start (the label's width).
    var signerLabelWidth: Length

    /// The distance GB/T 9704 §10.1 puts between a 信函's double rule and the lines under it:
    /// 7/8 of a 3号 character's height.
    static let letterGap = Length.pt(16 * 7 / 8)
    /// The length of a 信函's double rules (§10.1).
    static let letterRuleLength = Length.mm(170)
    /// A 信函's mark: its top 30 mm from the page's top; the lower double rule 20 mm above the foot.
    static let letterMarkTop = Length.mm(30)
    static let letterFootRule = Length.mm(20)
    /// The double rule: thick and thin lines this far apart (the standard gives no widths; these
    /// are the bureaus' usual 0.8 mm and 0.25 mm, 1 mm apart).
    static let doubleRuleGap = Length.mm(1)
    static let thinRule = Length.mm(0.25)

    /// Places the head on `frame` and returns the cursor under it (under the red rule, or under
    /// the last line for a 命令).
    func place(_ m: MastheadBlock, on frame: inout Frame, body: Rect, pitch: Length, cell: Length) -> Length {
        func put(_ line: TextLine, x: Length, emTop: Length) {
            for run in line.runs { frame.place(.glyphs(run.run), at: Point(x: x + run.x, y: emTop + line.size * 0.88)) }
        }
        /// A line in the grid slot whose top is `slotTop`: its em box centred in the pitch.
        func putInSlot(_ line: TextLine, x: Length, slotTop: Length) { put(line, x: x, emTop: slotTop + (pitch - line.size) / 2) }
        func rule(_ y: Length, from x0: Length, to x1: Length, _ stroke: Stroke) {
            frame.place(.line(to: Point(x: x1, y: y), stroke: stroke), at: Point(x: x0, y: y))
        }

        if m.layout == .letter {
            // §10.1: the mark 30 mm from the page's top, the double rule 4 mm under it, then the
            // corner flush left and the number flush right 7/8 of a 3号 character under the rule.
            let markTop = Self.letterMarkTop
            let markBottom = placeMark(m, top: markTop, body: body, put: put)
            let x0 = body.minX + (body.width - Self.letterRuleLength) / 2, x1 = x0 + Self.letterRuleLength
            let thick = m.rule, thin = Stroke(width: Self.thinRule, color: m.rule.color)
            var y = markBottom + .mm(4)
            rule(y + thick.width / 2, from: x0, to: x1, thick)
            y += thick.width + Self.doubleRuleGap
            rule(y + thin.width / 2, from: x0, to: x1, thin)
            let underRule = y + thin.width
            // The lower double rule, thin over thick, its foot 20 mm above the page's foot.
            let foot = frame.size.height - Self.letterFootRule
            rule(foot - thick.width / 2, from: x0, to: x1, thick)
            rule(foot - thick.width - Self.doubleRuleGap - thin.width / 2, from: x0, to: x1, thin)
            var cursor = underRule
            for (i, line) in corner.enumerated() {
                put(line, x: body.minX, emTop: underRule + Self.letterGap + pitch * Double(i))
                cursor = underRule + Self.letterGap + pitch * Double(i) + line.size
            }
            if let number {
                put(number, x: body.maxX - number.width, emTop: underRule + Self.letterGap)
                cursor = max(cursor, underRule + Self.letterGap + number.size)
            }
            return cursor
        }

        // 份号, 密级, 紧急程度 flush left on the type area's first lines (§7.2.1–3).
        for (i, line) in corner.enumerated() { putInSlot(line, x: body.minX, slotTop: body.minY + pitch * Double(i)) }
        let markTop = body.minY + m.markTop
        let markBottom = placeMark(m, top: markTop, body: body, put: put)
        // The number (or the 签发人 lines) two blank lines under the mark.
        var firstSlot = markBottom + pitch * 2
        if m.layout == .order {
            // §10.2: the 令号 on the grid's line two blank lines (or a little more) under the
            // mark, so that the body two blank lines under it stands on the grid too.
            firstSlot = body.minY + pitch * ((firstSlot - body.minY) / pitch - 0.001).rounded(.up)
        }
        var lastEmBottom = markBottom
        if !signers.isEmpty {
            // §7.2.6: 签发人 one character in from the right; several names two to a line, a
            // wrapped line aligned with the first name; the number one character in from the
            // left on the last signer line (§7.2.5).
            let first = signers[0]
            let x = body.maxX - cell - first.width
            for (i, line) in signers.enumerated() {
                let slot = firstSlot + pitch * Double(i)
                putInSlot(line, x: i == 0 ? x : x + signerLabelWidth, slotTop: slot)
                lastEmBottom = slot + (pitch + line.size) / 2
            }
            if let number {
                putInSlot(number, x: body.minX + cell, slotTop: firstSlot + pitch * Double(signers.count - 1))
            }
        } else if let number {
            putInSlot(number, x: body.minX, slotTop: firstSlot)
            lastEmBottom = firstSlot + (pitch + number.size) / 2
        }
        if m.layout == .order {
            // §10.2: no rule; the body starts two blank lines under the 令号 (the text's own space).
            return number == nil && signers.isEmpty ? markBottom : firstSlot + pitch * Double(max(1, signers.count))
        }
        // The red rule 4 mm under the number (§7.2.7).
        let ruleTop = lastEmBottom + .mm(4)
        rule(ruleTop + m.rule.width / 2, from: body.minX, to: body.maxX, m.rule)
        return ruleTop + m.rule.width
    }

    /// The mark, or a joint mark (organs stacked, the word beside them centred on the stack),
    /// centred on the type area with its top at `top`. Returns its bottom edge.
    private func placeMark(_ m: MastheadBlock, top: Length, body: Rect,
                           put: (TextLine, Length, Length) -> Void) -> Length {
        guard !organs.isEmpty else {
            guard let mark else { return top }
            put(mark, body.minX, top)
            return top + mark.size
        }
        let step = m.markStyle.size * Self.organLeading
        let stackWidth = organs.map(\.width).max() ?? .zero
        let gap = mark == nil ? Length.zero : m.markStyle.size * 0.5
        let total = stackWidth + gap + (mark?.width ?? .zero)
        let x = body.minX + max(.zero, (body.width - total) / 2)
        for (i, line) in organs.enumerated() { put(line, x, top + step * Double(i)) }
        let stackHeight = step * Double(organs.count - 1) + m.markStyle.size
        if let mark { put(mark, x + stackWidth + gap, top + (stackHeight - mark.size) / 2) }
        return top + stackHeight
    }

    /// A joint mark's lines stand this many of their size apart.
    static let organLeading = 1.2
}
