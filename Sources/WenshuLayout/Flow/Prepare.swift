import Foundation
import WenshuCore
import WenshuText

/// Sets what can be set before pagination: every paragraph's lines (in parallel, on all cores),
/// tables' cells, images' sizes, the signature's two lines.
struct Prepare {
    let master: PageMaster
    let typesetter: ParagraphTypesetter
    var cache: ParagraphCache? = nil
    var world: any World = FileWorld()

    func prepare(_ blocks: [Block]) throws -> [PreparedBlock] {
        // The master in force at each block (sections change it).
        var collected: [PageMaster] = []
        var current = master
        for b in blocks {
            if case .section(let s) = b { current = s.master }
            collected.append(current)
        }
        let masters = collected
        var out = [PreparedBlock?](repeating: nil, count: blocks.count)
        let failure = FirstError()
        out.withUnsafeMutableBufferPointer { buffer in
            let slots = UnsafeSendable(buffer)
            DispatchQueue.concurrentPerform(iterations: blocks.count) { i in
                guard !failure.isSet else { return }
                do { slots.value[i] = try prepare(blocks[i], master: masters[i]) } catch { failure.record(error) }
            }
        }
        if let error = failure.error {
            if let e = error as? TextError { throw LayoutError.text(e) }
            throw error
        }
        return out.map { $0! }
    }

    func prepare(_ block: Block, master: PageMaster) throws -> PreparedBlock {
        let width = master.body.width
        switch block {
        case .paragraph(let p):
            return PreparedBlock(block: .paragraph(try set(p, width: width, master: master)))
        case .table(let t):
            var tables = TableLayouter(typesetter: typesetter)
            tables.cache = cache
            return PreparedBlock(block: .table(try tables.prepare(t, width: width), t))
        case .image(let image):
            let info: ImageInfo
            do { info = try ImageInfo.read(image.path, in: world) } catch { throw LayoutError.image(error.path, error.reason) }
            var caption: SetParagraph? = nil
            if !image.caption.isEmpty {
                let p = ParagraphBlock(runs: image.caption, style: ParagraphStyle(firstLineIndent: 0, alignment: .center, snapToGridDefault: false))
                caption = try set(p, width: width, master: master)
            }
            return PreparedBlock(block: .image(image, info, caption: caption))
        case .space(let lines): return PreparedBlock(block: .space(lines))
        case .pageBreak(let odd): return PreparedBlock(block: .pageBreak(toOdd: odd))
        case .rule(let r): return PreparedBlock(block: .rule(r))
        case .signature(let s):
            var style = ParagraphStyle(firstLineIndent: 0, alignment: .left)
            if s.style.size.points <= (master.grid?.pitch.points ?? 0) + 0.5 { style.grid = master.grid }
            func line(_ text: String) throws -> TextLine? {
                let runs = [InlineRun(text, style: s.style)]
                if let cache { return try cache.looseLines(runs, style: style, width: width, typesetter: typesetter).first }
                return try typesetter.typeset(runs, style: style, width: width).lines.first
            }
            let issuers = try s.issuers.compactMap(line)
            guard issuers.count == s.issuers.count, let date = try line(s.date) else { return PreparedBlock(block: .space(0)) }
            let title = try s.signerTitle.flatMap { $0.isEmpty ? nil : try line($0) }
            var lines = OfficialSignature(issuers: issuers, date: date, title: title)
            lines.world = world
            if s.layout == .signed, let path = s.seal {
                do { lines.stamp = try ImageInfo.read(path, in: world) } catch { throw LayoutError.image(error.path, error.reason) }
            }
            if !lines.pairsFit(width: width, cell: master.grid?.pitch ?? s.style.size) { lines.perRow = 1 }
            return PreparedBlock(block: .signature(s, lines))
        case .contents(let c): return PreparedBlock(block: .contents(c))
        case .section(let s): return PreparedBlock(block: .section(s))
        case .fill: return PreparedBlock(block: .fill)
        case .layer(let l): return PreparedBlock(block: .layer(l))
        case .masthead(let m):
            return PreparedBlock(block: .masthead(m, try head(m, width: width, grid: master.grid)))
        case .imprint(let i):
            let left = ParagraphStyle(firstLineIndent: 0, alignment: .left)
            let inner = width - i.style.size * 2
            // §7.4.2: 抄送：, the organs separated by commas, a full stop after the last; wrapped
            // lines align with the first character after the colon.
            var copies: [TextLine] = []
            if let text = i.copiesText {
                var hanging = left
                hanging.leftIndent = Double(ImprintBlock.copiesLabel.count)
                hanging.firstLineIndent = -hanging.leftIndent
                hanging.alignment = .justified
                copies = try typesetter.typeset([InlineRun(text, style: i.style)], style: hanging, width: inner).lines
            }
            let printer = i.printer.isEmpty ? nil : try typesetter.typeset([InlineRun(i.printer, style: i.style)], style: left, width: inner).lines.first
            let printed = i.printed.isEmpty ? nil : try typesetter.typeset([InlineRun(i.printed, style: i.style)], style: left, width: inner).lines.first
            return PreparedBlock(block: .imprint(i, copies: copies, printer: printer, printed: printed))
        }
    }

    /// The 版头's lines (GB/T 9704 §7.2): the mark kept at its height and condensed (长体) to the
    /// type area's width when too long; a joint mark's organs each brought to the width of the
    /// widest (condensed when that is too wide, spread when narrower); 份号, 密级, 紧急程度; 签发人.
    func head(_ m: MastheadBlock, width: Length, grid: GridSpec?) throws -> OfficialHead {
        let plain = ParagraphStyle(firstLineIndent: 0, alignment: .center)
        let left = ParagraphStyle(firstLineIndent: 0, alignment: .left)
        func natural(_ runs: [InlineRun]) throws -> TextLine? {
            try typesetter.typeset(runs, style: left, width: .mm(10_000)).lines.first
        }
        var mark: TextLine? = nil
        var organs: [TextLine] = []
        if m.organs.isEmpty {
            let run = [InlineRun(m.mark, style: m.markStyle)]
            if let line = try natural(run), line.width > width {
                mark = Self.condense(line, to: width)
            } else {
                mark = try typesetter.typeset(run, style: plain, width: width).lines.first
            }
        } else {
            mark = m.mark.isEmpty ? nil : try natural([InlineRun(m.mark, style: m.markStyle)])
            let room = width - (mark.map { $0.width + m.markStyle.size * 0.5 } ?? .zero)
            let lines = try m.organs.compactMap { try natural([InlineRun($0, style: m.markStyle)]) }
            let target = min(room, lines.map(\.width).max() ?? .zero)
            organs = lines.map { $0.width > target ? Self.condense($0, to: target) : Self.spread($0, to: target) }
        }
        let numberStyle = m.signers.isEmpty && m.layout != .letter ? plain : left
        let number = try m.number.flatMap { n in
            try typesetter.typeset([InlineRun(n, style: m.numberStyle)], style: numberStyle, width: width).lines.first
        }
        let corner = try m.corner.compactMap { text -> TextLine? in
            // 份号 is Arabic digits in the number's face; 密级 and 紧急程度 are 黑体.
            let style = text == m.copyNumber ? m.numberStyle : m.cornerStyle
            return try natural([InlineRun(text, style: style)])
        }
        // 签发人：name　name / name　name, the label in 仿宋 and the names in 楷体 (§7.2.6), on the
        // grid's columns when the page has a grid.
        var onGrid = left
        if m.numberStyle.size.points <= (grid?.pitch.points ?? 0) + 0.5 { onGrid.grid = grid }
        func gridded(_ runs: [InlineRun]) throws -> TextLine? { try typesetter.typeset(runs, style: onGrid, width: width).lines.first }
        var signers: [TextLine] = []
        let label = "签发人："
        for (i, pair) in stride(from: 0, to: m.signers.count, by: 2).map({ Array(m.signers[$0..<min($0 + 2, m.signers.count)]) }).enumerated() {
            var runs: [InlineRun] = i == 0 ? [InlineRun(label, style: m.numberStyle)] : []
            runs.append(InlineRun(pair.joined(separator: "　"), style: m.signerStyle))
            if let line = try gridded(runs) { signers.append(line) }
        }
        let labelWidth = try gridded([InlineRun(label, style: m.numberStyle)])?.width ?? .zero
        return OfficialHead(mark: mark, organs: organs, number: number, corner: corner, signers: signers, signerLabelWidth: labelWidth)
    }

    /// A one-line text widened to `width` by even space between its characters (分散对齐), the
    /// last character ending at the width.
    static func spread(_ line: TextLine, to width: Length) -> TextLine {
        let count = line.runs.reduce(0) { $0 + $1.run.glyphs.count }
        guard count > 1, width > line.width else { return line }
        let step = (width - line.width) / Double(count - 1)
        var out = line
        var k = 0
        for i in out.runs.indices {
            out.runs[i].x = out.runs[i].x + step * Double(k)
            let first = k
            out.runs[i].run.glyphs = out.runs[i].run.glyphs.enumerated().map { j, g in
                PlacedGlyph(id: g.id, x: g.x + step * Double(j), y: g.y)
            }
            k = first + out.runs[i].run.glyphs.count
            out.runs[i].run.width = out.runs[i].run.width + step * Double(out.runs[i].run.glyphs.count - 1)
        }
        out.width = width
        out.measure = width
        return out
    }

    /// A one-line text narrowed to `width`, centred on it: glyph positions and outlines scaled
    /// horizontally, the height kept.
    static func condense(_ line: TextLine, to width: Length) -> TextLine {
        guard line.width > .zero else { return line }
        let scale = width / line.width
        var out = line
        for i in out.runs.indices {
            out.runs[i].x = out.runs[i].x * scale
            out.runs[i].run.glyphs = out.runs[i].run.glyphs.map { PlacedGlyph(id: $0.id, x: $0.x * scale, y: $0.y) }
            out.runs[i].run.width = out.runs[i].run.width * scale
            out.runs[i].run.horizontalScale *= scale
        }
        out.width = width
        out.measure = width
        return out
    }

    /// Sets a paragraph at `width`, on the master's grid when it has one and the text fits it.
    func set(_ p: ParagraphBlock, width: Length, master: PageMaster) throws -> SetParagraph {
        var style = p.style
        let note = Self.isNote(p, master: master)
        if style.grid == nil, style.snapToGrid, p.lineHeight == nil, !note, let grid = master.grid,
           p.runs.allSatisfy({ $0.style.size.points <= grid.pitch.points + 0.5 }) {
            style.grid = grid
        }
        let key = ParagraphCache.Key(runs: ParagraphCache.runsKey(p.runs), style: style, width: width, lineHeight: p.lineHeight, fit: p.fit,
                                     pitch: master.linePitch)
        let places = p.runs.map(\.place)
        if let cached = cache?.entry(key)?.restamped(places) {
            return SetParagraph(block: p, lines: cached.lines, heights: cached.heights, missing: cached.missing, overfull: cached.overfull)
        }
        var result = try typesetter.typeset(p.runs, style: style, width: width)
        if let fit = p.fit, result.lines.count > fit.maxLines {
            // Shrink every run by the same factor, half a point at a time, until the text fits
            // its lines or reaches the smallest size; at the smallest size it wraps.
            let largest = p.runs.map(\.style.size.points).max() ?? 16
            var size = largest - 0.5
            while size >= fit.minimumSize.points - 0.001 {
                let k = size / largest
                let runs = p.runs.map { r -> InlineRun in var r = r; r.style.size = r.style.size * k; return r }
                result = try typesetter.typeset(runs, style: style, width: width)
                if result.lines.count <= fit.maxLines { break }
                size -= 0.5
            }
        }
        // A note's lines on their own pitch; what follows it starts on the page's next grid line
        // (the flow snaps every paragraph to the grid).
        let heights = result.lines.map { line -> Length in
            if let h = p.lineHeight { return max(h, line.size * 1.2) }
            if note { return line.size * Self.notePitch }
            let pitch = master.linePitch.points
            return .pt(Double(max(1, Int((line.size.points * 1.2 / pitch - 0.001).rounded(.up)))) * pitch)
        }
        let overfull = p.fit.map { result.lines.count > $0.maxLines } ?? false
        cache?.store(key, ParagraphCache.Entry(lines: result.lines, heights: heights, missing: result.missing, overfull: overfull, places: places))
        return SetParagraph(block: p, lines: result.lines, heights: heights, missing: result.missing, overfull: overfull)
    }
}

extension Prepare {
    /// The pitch of a note's lines, in its size: 1.5, as in table cells.
    static let notePitch = 1.5
    /// How much smaller than the page's text a paragraph must be to be a note: 小四 (12 pt) and
    /// below on a page of 三号 (16 pt).
    static let noteRatio = 0.8

    /// True for small text (a form's 注, a source line) on a page whose line pitch suits larger
    /// text: it is set on its own pitch (1.5 times its size) instead of one 28 pt line a line.
    static func isNote(_ p: ParagraphBlock, master: PageMaster) -> Bool {
        guard p.lineHeight == nil, p.fit == nil, let largest = p.runs.map(\.style.size.points).max() else { return false }
        let body = master.grid?.pitch.points ?? master.linePitch.points / 1.8
        return largest < noteRatio * body
    }
}

extension ParagraphStyle {
    init(firstLineIndent: Double, alignment: Alignment, snapToGridDefault: Bool) {
        self.init(firstLineIndent: firstLineIndent, alignment: alignment)
        self.snapToGrid = snapToGridDefault
    }
}
