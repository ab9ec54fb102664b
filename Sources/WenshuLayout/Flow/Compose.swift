import Foundation
import WenshuCore
import WenshuText

/// The pagination pass (see `FlowLayout`): a cursor goes down the prepared blocks and fills pages.
struct Composer {
    let typesetter: ParagraphTypesetter
    let blocks: [PreparedBlock]
    /// Pass 2: the printed page number of every heading, by block index, and where it stands.
    let knownHeadingPages: [Int: String]?
    let knownTargets: [Int: HeadingTarget]
    /// Where the seal's header is read from.
    let world: any World

    private(set) var pages: [PageState] = []
    private var master: PageMaster
    private var frame: Frame
    private var y: Length
    private var hasContent = false
    private var noNumberOnThisPage = false
    /// A level-1 heading was placed at the top of the page being filled.
    private var chapterOpensHere = false
    private var number = 1
    private var title: String? = nil
    /// The 套打 layer of what is being placed (`Block.layer`).
    private var layer: FrameLayer = .content
    /// The printed page number where each heading landed, by block index (for the contents).
    private(set) var headingPages: [Int: String] = [:]
    private(set) var headingTargets: [Int: HeadingTarget] = [:]
    private(set) var missingReports: [([MissingCharacter], Int)] = []

    init(master: PageMaster, typesetter: ParagraphTypesetter, blocks: [PreparedBlock], headingPages: [Int: String]?,
         targets: [Int: HeadingTarget] = [:], world: any World = FileWorld()) {
        self.knownTargets = targets
        self.world = world
        self.master = master
        self.typesetter = typesetter
        self.blocks = blocks
        self.knownHeadingPages = headingPages
        self.frame = Frame(size: master.size)
        self.y = master.body.minY
    }

    private var body: Rect { master.body }
    private var pitch: Length { master.linePitch }
    private var bottom: Length { body.maxY }
    private var room: Length { bottom - y }
    private var atTop: Bool { !hasContent }

    // MARK: Pages

    private mutating func finishPage() {
        pages.append(PageState(frame: frame, master: master, number: number, title: title, blank: noNumberOnThisPage,
                               opensChapter: chapterOpensHere))
        noNumberOnThisPage = false
        chapterOpensHere = false
        number += 1
        frame = Frame(size: master.size)
        y = body.minY
        hasContent = false
    }

    private mutating func newPage() { finishPage() }

    /// Moves the cursor down to the next line of the master's grid (official documents keep every
    /// line on its grid line, whatever stood above it).
    private mutating func snap() {
        guard master.gridLines != nil else { return }
        let k = ((y - body.minY) / pitch - 0.001).rounded(.up)
        y = body.minY + pitch * max(0, k)
    }

    private mutating func advance(lines: Double) {
        guard hasContent else { return }
        y += pitch * lines
        if y > bottom - .pt(0.01) { newPage() }
    }

    /// Places one line in a slot of `height` whose top is the cursor.
    private mutating func place(_ line: TextLine, height: Length) {
        let baseline = y + (height - line.size) / 2 + line.size * 0.88
        for run in line.runs {
            frame.place(.glyphs(run.run), at: Point(x: body.minX + run.x, y: baseline))
        }
        y += height
        hasContent = true
    }

    // MARK: The pass

    mutating func compose() throws -> [PageState] {
        for (i, prepared) in blocks.enumerated() {
            let start = (page: pages.count, item: frame.items.count)
            defer { if layer != .content { tag(from: start) } }
            switch prepared.block {
            case .paragraph(let p):
                if p.block.keepWithNext {
                    placeParagraph(p, index: i, keep: keepHeight(after: i))
                } else {
                    // The last lines of the text before a signature go with it (§7.3.5).
                    placeParagraph(p, index: i, keep: signatureHeight(after: i), splitting: true)
                }
            case .table(let table, let t):
                placeTable(table, t)
            case .image(let image, let info, let caption):
                placeImage(image, info, caption: caption)
            case .space(let lines):
                advance(lines: lines)
            case .pageBreak(let odd):
                if hasContent { newPage() }
                if odd && pages.count % 2 == 1 { blankPage() }
            case .rule(let r):
                placeRule(r)
            case .signature(let s, let lines):
                try placeSignature(s, lines)
            case .contents(let c):
                placeContents(c)
            case .fill:
                let below = heightOfBlocks(after: i)
                if bottom - below > y {
                    y = bottom - below
                    // On a grid, the blocks below start on a grid line: the one at or above, so
                    // that snapping down to the next does not push the last of them off the page.
                    if master.gridLines != nil {
                        let k = ((y - body.minY) / pitch + 0.001).rounded(.down)
                        y = max(y - pitch, body.minY + pitch * max(0, k))
                    }
                }
            case .masthead(let m, let head):
                placeMasthead(m, head)
            case .imprint(let imprint, let copies, let printer, let printed):
                placeImprint(imprint, copies: copies, printer: printer, printed: printed)
            case .layer(let l):
                layer = l
            case .section(let s):
                if hasContent || !pages.isEmpty && !frame.items.isEmpty { newPage() }
                // The blank left-hand page before an odd start is the back of the section before:
                // it belongs to that section's master and numbering.
                if s.oddPage && pages.count % 2 == 1 { blankPage() }
                master = s.master
                frame = Frame(size: master.size)
                y = body.minY
                if s.restartNumbering { number = 1 }
            }
        }
        if hasContent || pages.isEmpty { finishPage() }
        return pages
    }

    /// Puts everything placed since `start` (a page index and an item count on it) in the current layer.
    private mutating func tag(from start: (page: Int, item: Int)) {
        for p in pages.indices where p >= start.page {
            let first = p == start.page ? start.item : 0
            for k in pages[p].frame.items.indices where k >= first { pages[p].frame.items[k].layer = layer }
        }
        let first = pages.count == start.page ? start.item : 0
        for k in frame.items.indices where k >= first { frame.items[k].layer = layer }
    }

    private mutating func blankPage() {
        frame = Frame(size: master.size)
        pages.append(PageState(frame: frame, master: master, number: number, title: title, blank: true))
        number += 1
        frame = Frame(size: master.size)
        y = body.minY
        hasContent = false
    }

    /// The height that must stand below a heading on its page: the next block's first lines.
    private func keepHeight(after i: Int) -> Length {
        var next = i + 1
        while next < blocks.count, case .layer = blocks[next].block { next += 1 }
        guard next < blocks.count else { return .zero }
        switch blocks[next].block {
        case .paragraph(let p):
            let n = p.heights.count
            let chunk = n < 4 ? p.heights.reduce(.zero, +) : p.heights[0] + p.heights[1]
            return chunk + pitch * p.block.linesBefore
        case .table(let t, _): return t.headerHeight + pitch * 2
        case .image(_, let info, _): return min(info.fitted(width: body.width, height: nil).height, body.height / 2)
        default: return .zero
        }
    }

    /// The height of the blocks after `i` up to the next page break (for `fill`).
    private func heightOfBlocks(after i: Int) -> Length {
        var total = Length.zero
        for b in blocks[(i + 1)...] {
            switch b.block {
            case .paragraph(let p): total += p.heights.reduce(.zero, +) + pitch * (p.block.linesBefore + p.block.linesAfter)
            case .space(let lines): total += pitch * lines
            case .rule(let r): total += r.above + r.stroke.width + r.below
            case .signature(let s, let lines): total += pitch * (lines.blankLines(s) + lines.lines(s, pitch: pitch))
            case .image(let image, let info, let caption):
                total += info.fitted(width: image.width ?? (image.height == nil ? body.width : nil), height: image.height).height
                total += caption.map { $0.heights.reduce(.zero, +) + pitch * 0.25 } ?? .zero
            case .imprint(_, let copies, let printer, let printed):
                total += pitch * Double(copies.count + (printer == nil && printed == nil ? 0 : 1))
            case .pageBreak, .section, .fill: return total
            default: break
            }
        }
        return total
    }

    // MARK: Official-document head and foot

    /// GB/T 9704-2012 §7.2 (see `MastheadBlock` and `OfficialHead`). The mark's em box stands with
    /// its top edge at `markTop` below the type area's top; the number on the line after two blank
    /// lines; the rule 4 mm under the number. The cursor is left under the rule (the title's two
    /// blank lines are the title's own space before). A 信函's first page shows no number (§10.1).
    private mutating func placeMasthead(_ m: MastheadBlock, _ head: OfficialHead) {
        if hasContent { newPage() }
        y = head.place(m, on: &frame, body: body, pitch: pitch, cell: master.grid?.pitch ?? m.numberStyle.size)
        hasContent = true
        if m.layout == .letter { noNumberOnThisPage = true }
    }

    /// GB/T 9704-2012 §7.4 (see `ImprintBlock`): at the foot of the page, the last rule on the type
    /// area's bottom edge; on a new page when the space left is too small (that page then shows no
    /// page number, holding nothing else).
    private mutating func placeImprint(_ imprint: ImprintBlock, copies: [TextLine], printer: TextLine?, printed: TextLine?) {
        // The 印发 line holds the printer, the date or both (a 信函's imprint has neither).
        let printLine = printer != nil || printed != nil
        let lines = Double(copies.count + (printLine ? 1 : 0))
        let needed = pitch * lines
        var alone = false
        if room < needed + pitch - .pt(0.01) && hasContent { newPage(); alone = true }
        // §7.4, §7.5: the 版记 on the last page's back (an even page); a blank page before it when
        // it would fall on an odd one, neither page numbered.
        if imprint.evenPage && (pages.count + 1) % 2 == 1 {
            if hasContent { finishPage() }
            if (pages.count + 1) % 2 == 1 { blankPage() }
            alone = true
        }
        if !hasContent { alone = true }
        let inset = imprint.style.size
        let thick = Stroke(width: .mm(0.35)), thin = Stroke(width: .mm(0.25))
        let rules = !imprint.isLetter
        var top = bottom - needed
        func rule(_ at: Length, _ stroke: Stroke) {
            guard rules else { return }
            frame.place(.line(to: Point(x: body.maxX, y: at), stroke: stroke), at: Point(x: body.minX, y: at))
        }
        func baseline(_ slotTop: Length, _ line: TextLine) -> Length { slotTop + (pitch - line.size) / 2 + line.size * 0.88 }
        rule(top + thick.width / 2, thick)
        for line in copies {
            for run in line.runs { frame.place(.glyphs(run.run), at: Point(x: body.minX + inset + run.x, y: baseline(top, line))) }
            top += pitch
        }
        if !copies.isEmpty && printLine { rule(top, thin) }
        if let printer {
            for run in printer.runs { frame.place(.glyphs(run.run), at: Point(x: body.minX + inset + run.x, y: baseline(top, printer))) }
        }
        if let printed {
            let px = body.maxX - inset - printed.width
            for run in printed.runs { frame.place(.glyphs(run.run), at: Point(x: px + run.x, y: baseline(top, printed))) }
        }
        rule(bottom - thick.width / 2, thick)
        y = bottom
        hasContent = true
        if alone { noNumberOnThisPage = true }
    }

    // MARK: Paragraphs

    /// The least height a signature right after block `i` needs on the same page (its two lines,
    /// closed up, and any space between), or zero when no signature follows.
    private func signatureHeight(after i: Int) -> Length {
        var gap = Length.zero
        var k = i + 1
        while k < blocks.count {
            switch blocks[k].block {
            case .space(let lines): gap += pitch * lines
            case .signature(let s, let lines): return gap + pitch * lines.lines(s, pitch: pitch)
            case .layer: break
            default: return .zero
            }
            k += 1
        }
        return .zero
    }

    /// - Parameters:
    ///   - keep: height that must follow the paragraph's last lines on their page.
    ///   - splitting: the paragraph may still split to make that room (its last two lines at least
    ///     going on with what follows); otherwise what does not fit with `keep` moves whole.
    private mutating func placeParagraph(_ p: SetParagraph, index: Int, keep: Length, splitting: Bool = false) {
        if hasContent { y += pitch * p.block.linesBefore }
        // Text on the page's line pitch starts on a grid line; a paragraph set closer than the
        // pitch (a table's 注, a caption) follows on where the table ended: snapped, the scoring
        // standard's note lost the room under its table and stood alone on a page.
        if !(p.heights.allSatisfy { $0 < pitch - .pt(0.01) }) { snap() }
        if y > bottom - .pt(0.01) { newPage() }
        let n = p.lines.count
        var k = 0
        var first = true
        while k < n {
            let rest = p.heights[k...]
            let total = rest.reduce(.zero, +)
            if total + keep <= room + .pt(0.01) {
                placeLines(p, index: index, k..<n, first: first)
                k = n
                break
            }
            var fit = 0
            var taken = Length.zero
            for h in rest { if taken + h <= room + .pt(0.01) { taken += h; fit += 1 } else { break } }
            if splitting, keep > .zero, fit == rest.count {
                // All of it fits but not what must follow: leave its last two lines for the next page.
                fit = max(0, rest.count - 2)
            }
            let splittable = min(fit, rest.count - 2)
            if (keep > .zero && !splitting) || splittable < 2 || rest.count < 4 {
                if atTop {
                    // Not even a fresh page holds it as the rules want: fill the page and go on.
                    let count = max(1, min(fit, rest.count))
                    placeLines(p, index: index, k..<(k + count), first: first)
                    first = false
                    k += count
                    if k < n { newPage() }
                } else {
                    newPage()
                }
                continue
            }
            placeLines(p, index: index, k..<(k + splittable), first: first)
            first = false
            k += splittable
            newPage()
        }
        if !p.missing.isEmpty { missingReports.append((p.missing, pages.count + 1)) }
        if hasContent { y += pitch * p.block.linesAfter }
    }

    private mutating func placeLines(_ p: SetParagraph, index: Int, _ range: Range<Int>, first: Bool) {
        if first, let level = p.block.bookmarkLevel {
            let text = p.block.text
            frame.place(.bookmark(title: text, level: level), at: Point(x: body.minX, y: y))
            headingPages[index] = master.pageNumbers?.label(number) ?? "\(number)"
            if level == 1 && !hasContent { chapterOpensHere = true }
            headingTargets[index] = HeadingTarget(page: pages.count, point: Point(x: body.minX, y: y))
            if level == 1 { title = text }
        }
        for j in range { place(p.lines[j], height: p.heights[j]) }
    }

    // MARK: Tables, images, rules

    private mutating func placeTable(_ table: PreparedTable, _ t: TableBlock) {
        if hasContent { y += pitch * t.linesBefore }
        var cursor = table.start
        while true {
            var slice = table.slice(from: cursor, available: room)
            if slice == nil {
                if atTop { slice = table.slice(from: cursor, available: room, fullPage: true) } else { newPage(); continue }
            }
            guard let s = slice else { break }
            frame.append(s.frame, at: Point(x: body.minX, y: y))
            y += s.height
            hasContent = true
            guard let next = s.next else { break }
            cursor = next
            newPage()
        }
        if !table.missing.isEmpty { missingReports.append((table.missing, pages.count + 1)) }
        if hasContent { y += pitch * t.linesAfter }
        // No snap here: what follows snaps if it sits on the grid (a note under the table does not).
    }

    private mutating func placeImage(_ image: ImageBlock, _ info: ImageInfo, caption: SetParagraph?) {
        let captionHeight = caption.map { $0.heights.reduce(.zero, +) } ?? .zero
        let gap = caption == nil ? Length.zero : pitch * 0.25
        var size = info.fitted(width: image.width ?? (image.height == nil ? body.width : nil), height: image.height)
        if size.width > body.width { size = info.fitted(width: body.width, height: nil) }
        let tallest = body.height - captionHeight - gap
        if size.height > tallest { size = info.fitted(width: nil, height: tallest) }
        if size.height + gap + captionHeight > room + .pt(0.01) && hasContent { newPage() }
        let x: Length
        switch image.alignment {
        case .left, .justified: x = body.minX
        case .right: x = body.maxX - size.width
        default: x = body.minX + (body.width - size.width) / 2
        }
        frame.place(.image(ImageItem(path: image.path), size: size), at: Point(x: x, y: y))
        y += size.height + gap
        hasContent = true
        if let caption {
            for (line, h) in zip(caption.lines, caption.heights) { place(line, height: h) }
        }
        snap()
    }

    private mutating func placeRule(_ r: RuleBlock) {
        y += r.above
        if y + r.stroke.width > bottom { newPage() }
        let mid = y + r.stroke.width / 2
        frame.place(.line(to: Point(x: body.maxX, y: mid), stroke: r.stroke), at: Point(x: body.minX, y: mid))
        y += r.stroke.width + r.below
        hasContent = true
    }

    // MARK: Signature

    /// GB/T 9704-2012 §7.3.5.1: the date four characters in from the right, the issuer centred over
    /// it, the seal centred on both and pressing down on them (they sit a little below its centre),
    /// its top within one line of the text above. Without a seal image the space stays free for
    /// the stamp.
    private mutating func placeSignature(_ s: SignatureBlock, _ lines: OfficialSignature) throws {
        snap()
        var blank = lines.blankLines(s)
        let body = lines.lines(s, pitch: pitch)
        let needed = pitch * (blank + body)
        if room < needed - .pt(0.01) {
            // §7.3.5: close up the blank lines rather than strand the signature alone on a page.
            if hasContent, room >= pitch * body - .pt(0.01) {
                blank = max(0, ((room - pitch * body) / pitch + 0.001).rounded(.down))
            } else {
                newPage()
            }
        }
        // On the grid a character is one column; elsewhere one em.
        y = try lines.place(s, top: y, blank: blank, on: &frame, body: self.body, pitch: pitch,
                            cell: master.grid?.pitch ?? s.style.size, grid: master.grid != nil)
        hasContent = true
    }

    // MARK: Contents

    /// The contents: a line per heading down to the block's level, the page number at the right
    /// edge with a leader of ellipses between, and a link to the heading's page. In the first pass
    /// the numbers are placeholders of the same width class; the second pass fills them in.
    private mutating func placeContents(_ c: ContentsBlock) {
        if let title = c.title {
            var ts = c.style
            ts.size = ts.size * 1.4
            ts.role = .hei
            if let line = try? typesetter.typeset([InlineRun(title, style: ts)], style: ParagraphStyle(firstLineIndent: 0, alignment: .center),
                                                  width: body.width).lines.first {
                snap()
                place(line, height: pitch * 2)
            }
        }
        let entries = blocks.enumerated().compactMap { (i, b) -> (Int, Int, String)? in
            guard case .paragraph(let p) = b.block, let level = p.block.bookmarkLevel, level <= c.levels else { return nil }
            return (i, level, p.block.text)
        }
        let lineHeight = max(pitch, c.style.size * 1.8)
        let plain = ParagraphStyle(firstLineIndent: 0, alignment: .left)
        for (index, level, text) in entries {
            let number = knownHeadingPages?[index] ?? "00"
            let indent = c.style.size * (2 * Double(level - 1))
            guard let numberLine = try? typesetter.typeset([InlineRun(number, style: c.style)], style: plain, width: body.width).lines.first,
                  let textLine = try? typesetter.typeset([InlineRun(text, style: c.style)], style: plain,
                                                         width: body.width - indent - numberLine.width - c.style.size * 2).lines.first
            else { continue }
            if room < lineHeight { newPage() }
            let baseline = y + (lineHeight - c.style.size) / 2 + c.style.size * 0.88
            for run in textLine.runs { frame.place(.glyphs(run.run), at: Point(x: body.minX + indent + run.x, y: baseline)) }
            let numberX = body.maxX - numberLine.width
            // The leader: ellipses from the title to the number, drawn (not copied with the text).
            // Each ellipsis stands on a column of a grid of whole ems from the type area's left edge,
            // so the dots line up from one entry to the next (as TeX's \dotfill does), whatever the
            // title's length or the number's width; at least ½ em is kept free at both ends.
            let em = c.style.size
            let first = ((body.minX + indent + textLine.width + em * 0.5 - body.minX) / em).rounded(.up)
            let last = ((numberX - em * 0.5 - body.minX) / em).rounded(.down)  // where the last ellipsis ends
            let count = last - first >= 1 && last - first < 10_000 ? Int(last - first) : 0
            if count > 0, let leader = try? typesetter.typeset([InlineRun(String(repeating: "…", count: 1), style: c.style)],
                                                               style: plain, width: body.width).lines.first,
               var run = leader.runs.first?.run {
                let glyph = run.glyphs[0]
                run.glyphs = (0..<count).map { PlacedGlyph(id: glyph.id, x: c.style.size * Double($0), y: glyph.y) }
                run.text = String(repeating: "…", count: count)
                run.clusters = Array(repeating: GlyphRun.Cluster(bytes: 3, glyphs: 1), count: count)
                run.width = c.style.size * Double(count)
                run.isArtifact = true
                frame.place(.glyphs(run), at: Point(x: body.minX + em * first, y: baseline))
            }
            for run in numberLine.runs { frame.place(.glyphs(run.run), at: Point(x: numberX + run.x, y: baseline)) }
            if let target = knownTargets[index] {
                frame.place(.link(Size(width: body.width - indent, height: lineHeight), .page(target.page, target.point)),
                            at: Point(x: body.minX + indent, y: y))
            }
            y += lineHeight
            hasContent = true
        }
    }

}

/// Where a heading stands: its page (0-based) and the top of its first line.
struct HeadingTarget: Sendable {
    var page: Int
    var point: Point
}
