import WenshuCore
import WenshuText

/// Adds page furniture once the page count is known: page numbers in the master's form (GB/T 9704
/// "— 1 —", odd page numbers right and even ones left one character in, 7 mm below the type area
/// (§7.5: 单页码居右空一字，双页码居左空一字: by the printed number, not the sheet's side); or "第1页
/// 共N页"), running headers and footers with {page}, {pages} and {title}, and the PDF page labels.
/// Blank pages (before an odd-page start) get no furniture. Furniture is drawn, not copied with the
/// text (`GlyphRun.isArtifact`).
struct Furnish {
    let typesetter: ParagraphTypesetter

    func furnish(_ pages: [PageState]) throws -> [Frame] {
        // Pages per numbering run, for {pages} and 共N页.
        var totals: [Int] = []
        var runStart = 0
        for i in pages.indices {
            if i > 0 && pages[i].number <= pages[i - 1].number {
                totals += Array(repeating: i - runStart, count: i - runStart)
                runStart = i
            }
        }
        totals += Array(repeating: pages.count - runStart, count: pages.count - runStart)
        var frames: [Frame] = []
        for (i, page) in pages.enumerated() {
            var frame = page.frame
            frame.label = page.master.pageNumbers?.label(page.number) ?? "\(page.number)"
            if !page.blank {
                let m = page.master
                for border in m.borders.reversed() {  // each goes under what is there: outermost drawn first
                    let size = Size(width: frame.size.width - border.inset * 2, height: frame.size.height - border.inset * 2)
                    if size.width > .zero && size.height > .zero {
                        frame.items.insert(FrameElement(position: Point(x: border.inset, y: border.inset),
                                                        item: .rectangle(size, fill: nil, stroke: border.stroke),
                                                        layer: m.borderLayer), at: 0)
                    }
                }
                if let numbers = m.pageNumbers {
                    try placeNumber(numbers.text(page: page.number, of: totals[i]), numbers, printed: page.number, master: m, on: &frame)
                }
                let even = page.number % 2 == 0
                if let header = (even ? m.evenHeader : nil) ?? m.header, !(page.opensChapter && m.plainChapterOpenings) {
                    try placeFurniture(header, top: true, page: page, total: totals[i], master: m, on: &frame)
                }
                if let footer = (even ? m.evenFooter : nil) ?? m.footer {
                    try placeFurniture(footer, top: false, page: page, total: totals[i], master: m, on: &frame)
                }
            }
            // A bound book's left-hand pages mirror its right-hand ones: everything moves over by
            // the difference of the inner and outer margins.
            let shift = page.master.evenPageShift
            if (i + 1) % 2 == 0 && shift != .zero {
                var moved = Frame(size: frame.size, label: frame.label)
                moved.append(frame, at: Point(x: shift, y: .zero))
                frame = moved
            }
            frames.append(frame)
        }
        return frames
    }

    private func line(_ text: String, _ style: TextStyle) throws -> TextLine? {
        try typesetter.singleLine(text, style)
    }

    private func place(_ line: TextLine, x: Length, baseline: Length, on frame: inout Frame) {
        for run in line.runs {
            var r = run.run
            r.isArtifact = true
            frame.place(.glyphs(r), at: Point(x: x + run.x, y: baseline))
        }
    }

    private func placeNumber(_ text: String, _ numbers: PageNumberStyle, printed: Int, master: PageMaster, on frame: inout Frame) throws {
        guard let line = try line(text, numbers.style) else { return }
        let body = master.body
        let size = numbers.style.size
        // The middle of the number line (CJK dashes sit about 0.38 em above the baseline) the given
        // distance below the type area.
        let baseline = body.maxY + numbers.distanceBelowBody + size * 0.38
        let x: Length
        switch numbers.placement {
        case .center: x = body.minX + (body.width - line.width) / 2
        case .outside(let inset): x = printed % 2 != 0 ? body.maxX - inset - line.width : body.minX + inset
        }
        place(line, x: x, baseline: baseline, on: &frame)
    }

    private func placeFurniture(_ f: Furniture, top: Bool, page: PageState, total: Int, master: PageMaster, on frame: inout Frame) throws {
        let text = f.text.replacingOccurrences(of: "{page}", with: "\(page.number)")
            .replacingOccurrences(of: "{pages}", with: "\(total)")
            .replacingOccurrences(of: "{title}", with: page.title ?? "")
        guard !text.isEmpty, let line = try line(text, f.style) else { return }
        let body = master.body
        let baseline = top ? body.minY - f.distance : body.maxY + f.distance + f.style.size * 0.88
        let x: Length
        switch f.alignment {
        case .left, .justified: x = body.minX
        case .right: x = body.maxX - line.width
        default: x = body.minX + (body.width - line.width) / 2
        }
        place(line, x: x, baseline: baseline, on: &frame)
        if let rule = f.rule {
            let ry = top ? baseline + f.style.size * 0.3 : baseline - f.style.size * 1.1
            frame.place(.line(to: Point(x: body.maxX, y: ry), stroke: rule), at: Point(x: body.minX, y: ry))
        }
    }
}

extension ParagraphTypesetter {
    /// `text` set on one unbroken line (furniture, labels), a text error as a layout error.
    func singleLine(_ text: String, _ style: TextStyle) throws -> TextLine? {
        do {
            return try typeset([InlineRun(text, style: style)], style: ParagraphStyle(firstLineIndent: 0, alignment: .left),
                               width: .mm(1000)).lines.first
        } catch let e as TextError { throw LayoutError.text(e) }
    }
}
