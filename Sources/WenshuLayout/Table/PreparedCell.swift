import WenshuCore
import WenshuText

/// One unbreakable step down a cell: a set line in its slot, blank space, or an image. A cell
/// splits across slices only between these.
struct CellLine: Sendable {
    enum Kind: Sendable {
        case text(TextLine)
        case blank
        /// An image of `size`, `x` from the content's left edge.
        case image(ImageItem, size: Size, x: Length)
    }
    var kind: Kind
    /// The slot's height: for text, the line pitch (the paragraph's `lineHeight`, else 1.5 times
    /// the line's font size), the em box centred in it as on the page.
    var height: Length
}

/// A cell placed in the grid, its content set at its content width.
struct PreparedCell: Sendable {
    var row: Int
    var column: Int
    var rowspan: Int
    var colspan: Int
    var lastRow: Int { row + rowspan - 1 }
    var alignment: VerticalAlignment
    var fill: Color?
    /// The content, which may split across slices.
    var lines: [CellLine]
    /// The foot, pinned to the cell's bottom edge, shown whole with the content's last line.
    var foot: [CellLine]
    var footHeight: Length
    /// `offsets[i]` is the height of `lines[0..<i]`.
    private var offsets: [Length]

    init(row: Int, column: Int, rowspan: Int, colspan: Int, alignment: VerticalAlignment, fill: Color?,
         lines: [CellLine], foot: [CellLine]) {
        self.row = row; self.column = column; self.rowspan = rowspan; self.colspan = colspan
        self.alignment = alignment; self.fill = fill; self.lines = lines; self.foot = foot
        footHeight = foot.reduce(.zero) { $0 + $1.height }
        var sum = Length.zero
        offsets = [sum]
        for line in lines { sum += line.height; offsets.append(sum) }
    }

    /// The height of the content lines in `range`.
    func height(_ range: Range<Int>) -> Length { offsets[range.upperBound] - offsets[range.lowerBound] }

    /// Sets the blocks of a cell (or of its foot) at `width` into cell lines. Paragraphs become
    /// their lines (an empty paragraph one blank line, as in a word processor), `.space(lines:)`
    /// and a paragraph's lines before and after become blank slots of the cell's first paragraph
    /// pitch, an image with both width and height given is scaled down to fit the width; other
    /// blocks are ignored in cells. `shaped` holds paragraphs (by block index) shaped before, to
    /// measure an automatic column: they are set from that shaping.
    static func setLines(_ blocks: [Block], width: Length, typesetter: ParagraphTypesetter,
                      missing: inout [MissingCharacter], cache: ParagraphCache? = nil,
                      shaped: [Int: ShapedParagraph] = [:]) throws -> [CellLine] {
        func pitch(_ p: ParagraphBlock) -> Length {
            p.lineHeight ?? (p.runs.map(\.style.size).max() ?? TextStyle().size) * 1.5
        }
        let defaultPitch = blocks.lazy.compactMap { block -> Length? in
            if case .paragraph(let p) = block { return pitch(p) }
            return nil
        }.first ?? TextStyle().size * 1.5
        var out: [CellLine] = []
        func blank(_ count: Double, _ pitch: Length) {
            guard count > 0 else { return }
            let whole = Int(count.rounded(.down))
            for _ in 0..<whole { out.append(CellLine(kind: .blank, height: pitch)) }
            let rest = count - Double(whole)
            if rest > 0.001 { out.append(CellLine(kind: .blank, height: pitch * rest)) }
        }
        for (i, block) in blocks.enumerated() {
            switch block {
            case .paragraph(let p):
                let layout = try cache?.cellLines(p, width: width, typesetter: typesetter, shaped: shaped[i])
                    ?? { let l = try shaped[i].map { try typesetter.typeset($0, width: width) }
                            ?? typesetter.typeset(p.runs, style: p.style, width: width)
                        return (l.lines, l.missing) }()
                missing += layout.missing
                blank(p.linesBefore, pitch(p))
                if layout.lines.isEmpty { blank(1, pitch(p)) }
                for line in layout.lines {
                    out.append(CellLine(kind: .text(line), height: p.lineHeight ?? line.size * 1.5))
                }
                blank(p.linesAfter, pitch(p))
            case .space(let count):
                blank(count, defaultPitch)
            case .image(let image):
                guard let w = image.width, let h = image.height, w.points > 0, h.points > 0 else { continue }
                let scale = min(1, max(0, width.points) / w.points)
                let size = Size(width: w * scale, height: h * scale)
                let x: Length = switch image.alignment {
                case .center: (width - size.width) / 2
                case .right: width - size.width
                default: .zero
                }
                out.append(CellLine(kind: .image(ImageItem(path: image.path), size: size, x: x), height: size.height))
            default:
                continue
            }
        }
        return out
    }
}
