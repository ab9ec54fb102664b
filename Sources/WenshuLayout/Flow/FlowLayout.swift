import Foundation
import WenshuCore
import WenshuFonts
import WenshuText

/// Errors of the layout module.
public enum LayoutError: WenshuError {
    case text(TextError)
    case image(String, String)
    /// A page master or block beyond what can be laid out (a zero pitch, no type area, 10^12 lines).
    case extreme(String)

    public var message: String {
        switch self {
        case .text(let e): e.message
        case .image(let path, let reason): "\(path): 无法使用这张图片（cannot use the image）：\(reason)"
        case .extreme(let what): "无法排版（cannot lay out）：\(what)"
        }
    }

    /// The text module's error keeps its own place and parts; the image's path is its place.
    public var problem: Problem {
        switch self {
        case .text(let e): return e.problem
        case .image(let path, let reason):
            let g = Gloss(reason)
            return Problem(severity: .error, location: SourceLocation(file: path), chinese: "无法使用这张图片：\(g.chinese)",
                           english: "cannot use the image" + (g.english.isEmpty ? "" : ": \(g.english)"), hint: g.hint)
        case .extreme:
            let g = Gloss(message)
            return Problem(severity: .error, chinese: g.chinese, english: g.english, hint: g.hint)
        }
    }
}

/// Flows blocks down the type area of as many pages as they need.
///
/// First every paragraph is set into lines, in parallel (paragraphs are independent until they
/// meet the page). Then one pass goes down the blocks with a cursor: paragraph lines sit on the
/// master's line pitch (on the grid of GB/T 9704 every line stands on a grid line); a paragraph
/// splits at a page's foot only where at least two of its lines stay on each side (no orphans, no
/// widows), and a paragraph of three lines or fewer moves whole; a block kept with the next
/// (a heading) moves on unless the next block's first lines fit beneath it; tables are cut into
/// slices that fit (header rows repeated); an image too tall for the space left moves to the next
/// page with its caption. Contents are filled in by a second pass, once the headings have found
/// their pages; page numbers, headers and footers are added last, when the page count is known.
public struct FlowLayout: Sendable {
    public let master: PageMaster
    public let typesetter: ParagraphTypesetter
    public let diagnostics: ProblemLog
    /// Paragraphs set before in this run, reused when they come again.
    public let cache: ParagraphCache?
    /// Where the images' headers (their pixel sizes) are read from.
    public let world: any World

    public init(master: PageMaster, typesetter: ParagraphTypesetter, diagnostics: ProblemLog = ProblemLog(),
                cache: ParagraphCache? = nil, world: any World = FileWorld()) {
        self.master = master; self.typesetter = typesetter; self.diagnostics = diagnostics; self.cache = cache
        self.world = world
    }

    /// Lays `blocks` out into page frames.
    public func layout(_ blocks: [Block]) throws -> [Frame] {
        try LayoutLimits.check(master, blocks)
        let prepared = try Prepare(master: master, typesetter: typesetter, cache: cache, world: world).prepare(blocks)
        for b in prepared {
            if case .paragraph(let p) = b.block, p.overfull, let fit = p.block.fit { diagnostics.report(FlowLayout.overfull(p, fit: fit)) }
        }
        // Pass 1 places everything with placeholder page numbers in the contents; pass 2 again with
        // the pages the headings found (the contents keep their number of lines, so nothing moves).
        var composer = Composer(master: master, typesetter: typesetter, blocks: prepared, headingPages: nil, world: world)
        var pages = try composer.compose()
        if prepared.contains(where: { if case .contents = $0.block { true } else { false } }) {
            composer = Composer(master: master, typesetter: typesetter, blocks: prepared, headingPages: composer.headingPages,
                                targets: composer.headingTargets, world: world)
            pages = try composer.compose()
        }
        for (block, page) in composer.missingReports {
            for m in block { diagnostics.report(FlowLayout.missingGlyph(m, page: page)) }
        }
        return try Furnish(typesetter: typesetter).furnish(pages)
    }
}

extension FlowLayout {
    /// The warning for a character no face has, at the data place its text came from when known.
    static func missingGlyph(_ m: MissingCharacter, page: Int) -> Problem {
        let code = m.character.unicodeScalars.map { String(format: "U+%04X", $0.value) }.joined(separator: " ")
        return Problem(severity: .warning, location: m.place,
                       chinese: "第 \(page) 页的字“\(m.character)”（\(code)）没有字体能排，将印成方框",
                       english: "character ‘\(m.character)’ (\(code)) on page \(page) is in no installed font; it prints as a box",
                       hint: "请改用常用字，或用 --font-dir 加入含有此字的字体")
    }
}

extension FlowLayout {
    /// The warning for a paragraph that does not fit its `fit` lines even at the smallest size (a
    /// name too long for a certificate's line): it wraps. At the place of its text from the data.
    static func overfull(_ p: SetParagraph, fit: ShrinkFit) -> Problem {
        let text = p.block.runs.map(\.text).joined()
        let place = p.block.runs.first { $0.place != nil }?.place
        let size = String(format: "%g", fit.minimumSize.points)
        return Problem(severity: .warning, location: place,
                       chinese: "“\(text)”缩到 \(size) pt 仍超出 \(fit.maxLines) 行，已折行",
                       english: "‘\(text)’ does not fit \(fit.maxLines) line(s) even at \(size) pt: it wraps",
                       hint: "请缩短这一格的内容")
    }
}

/// A page being filled, and what the furniture pass needs to know of it.
struct PageState {
    var frame: Frame
    var master: PageMaster
    /// The page's number within its section, and whether numbering is shown.
    var number: Int
    /// The last level-1 heading on or before this page (for {title} in headers).
    var title: String?
    /// Nothing but furniture will stand on this page (a blank page before an odd-page start).
    var blank = false
    /// A chapter opens on this page: a level-1 heading stands at its top.
    var opensChapter = false
}

/// Lines of a paragraph with how many pitches each takes.
struct SetParagraph: Sendable {
    var block: ParagraphBlock
    var lines: [TextLine]
    var heights: [Length]
    var missing: [MissingCharacter]
    /// The paragraph has a `fit` and runs to more lines than it allows even at the smallest size.
    var overfull = false
}

/// A block after preparation.
struct PreparedBlock: Sendable {
    enum Kind: Sendable {
        case paragraph(SetParagraph)
        case table(PreparedTable, TableBlock)
        case image(ImageBlock, ImageInfo, caption: SetParagraph?)
        case space(Double)
        case pageBreak(toOdd: Bool)
        case rule(RuleBlock)
        case signature(SignatureBlock, OfficialSignature)
        case contents(ContentsBlock)
        case section(SectionBreak)
        case fill
        case layer(FrameLayer)
        case masthead(MastheadBlock, OfficialHead)
        case imprint(ImprintBlock, copies: [TextLine], printer: TextLine?, printed: TextLine?)
    }
    var block: Kind
}
