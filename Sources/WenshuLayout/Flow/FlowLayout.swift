import Foundation
import WenshuCore
import WenshuFonts
import WenshuText

/// Errors of the layout module.
public enum LayoutError: WenshuError {
    case text(TextError)
    public var message: String {
        switch self { case .text(let e): e.message }
    }
}

/// Flows blocks down the type area of as many pages as they need.
///
/// Every paragraph is first set into lines at the body's width. Lines then go down the page on the
/// master's line pitch (on the grid, a line larger than the pitch takes as many pitches as it needs).
/// At a page's foot a paragraph splits only where at least two of its lines stay on each side (no
/// orphan, no widow); a one-line or two-line paragraph moves whole. A block kept with the next
/// (a heading) moves to the next page unless the next block's first lines fit beneath it. Page
/// numbers are added last, once the page count is known.
public struct FlowLayout: Sendable {
    public let master: PageMaster
    public let typesetter: ParagraphTypesetter
    public let diagnostics: DiagnosticLog

    public init(master: PageMaster, typesetter: ParagraphTypesetter, diagnostics: DiagnosticLog = DiagnosticLog()) {
        self.master = master; self.typesetter = typesetter; self.diagnostics = diagnostics
    }

    private struct SetBlock {
        var lines: [TextLine] = []
        var pitches: [Int] = []
        var block: Block
        var paragraph: ParagraphBlock? {
            if case .paragraph(let p) = block { return p }
            return nil
        }
        var missing: [Character] = []
    }

    /// Lays `blocks` out into page frames.
    public func layout(_ blocks: [Block]) throws -> [Frame] {
        let body = master.body
        let pitch = master.linePitch.points
        let slotsPerPage = master.gridLines ?? Int((body.height.points / pitch + 0.001).rounded(.down))
        // 1. Set every paragraph. Paragraphs are independent until they meet the page, so they are
        //    set in parallel on all cores; the fonts are shared (HarfBuzz fonts are thread-safe).
        var set = blocks.map { SetBlock(block: $0) }
        let failure = FirstError()
        set.withUnsafeMutableBufferPointer { buffer in
            let slots = UnsafeSendable(buffer)
            DispatchQueue.concurrentPerform(iterations: buffer.count) { i in
                guard case .paragraph(let p) = slots.value[i].block, !failure.isSet else { return }
                var style = p.style
                if style.grid == nil, let grid = master.grid,
                   p.runs.allSatisfy({ $0.style.size.points <= grid.pitch.points + 0.5 }) {
                    style.grid = grid
                }
                do {
                    let result = try typesetter.typeset(p.runs, style: style, width: body.width)
                    slots.value[i].lines = result.lines
                    slots.value[i].missing = result.missing
                    slots.value[i].pitches = result.lines.map { line in
                        max(1, Int((line.size.points * 1.2 / pitch - 0.001).rounded(.up)))
                    }
                } catch {
                    failure.record(error)
                }
            }
        }
        if let error = failure.error {
            if let e = error as? TextError { throw LayoutError.text(e) }
            throw error
        }
        // 2. Pages.
        var frames: [Frame] = []
        var frame = Frame(size: master.size)
        var used = 0  // slots used on the current page
        func newPage() {
            frames.append(frame)
            frame = Frame(size: master.size)
            used = 0
        }
        func place(_ line: TextLine, slots: Int) {
            let top = body.minY.points + Double(used) * pitch
            let height = Double(slots) * pitch
            // The em box centred in its slots; the baseline 0.88 em below the em box's top.
            let baseline = top + (height - line.size.points) / 2 + 0.88 * line.size.points
            for run in line.runs {
                frame.place(.glyphs(run.run), at: Point(x: body.minX + run.x, y: .pt(baseline)))
            }
            used += slots
        }
        for (i, sb) in set.enumerated() {
            switch sb.block {
            case .pageBreak:
                if used > 0 { newPage() }
            case .table, .image, .rule, .signature, .contents, .section:
                break  // TODO(issue 4): the full flow
            case .space(let lines):
                used += Int(lines.rounded())
                if used >= slotsPerPage { newPage() }
            case .paragraph(let p):
                if used > 0 { used += Int(p.linesBefore.rounded()) }
                if used >= slotsPerPage { newPage() }
                // What must stand together at the top: a heading with the next block's first lines.
                var keep = 0
                if p.keepWithNext, i + 1 < set.count, let next = set[i + 1].paragraph {
                    keep = Int(next.linesBefore.rounded()) + Self.firstChunk(set[i + 1].pitches)
                }
                var k = 0
                let n = sb.lines.count
                while k < n {
                    let rest = Array(sb.pitches[k...])
                    let room = slotsPerPage - used
                    let all = rest.reduce(0, +)
                    if all + keep <= room {
                        if k == 0, let level = p.bookmarkLevel {
                            frame.place(.bookmark(title: p.text, level: level),
                                        at: Point(x: body.minX, y: body.minY + .pt(Double(used) * pitch)))
                        }
                        for j in k..<n { place(sb.lines[j], slots: sb.pitches[j]) }
                        k = n
                        break
                    }
                    // It does not all fit: split where two lines stay on each side, else move on.
                    var fit = 0, taken = 0
                    while fit < rest.count && taken + rest[fit] <= room { taken += rest[fit]; fit += 1 }
                    fit = min(fit, rest.count - 2)
                    if keep > 0 || fit < 2 || rest.count < 4 {
                        if used == 0 {
                            // Even a fresh page cannot hold it whole: fill this page and go on.
                            fit = max(1, min(fit, rest.count))
                        } else {
                            newPage()
                            continue
                        }
                    }
                    if k == 0, let level = p.bookmarkLevel {
                        frame.place(.bookmark(title: p.text, level: level),
                                    at: Point(x: body.minX, y: body.minY + .pt(Double(used) * pitch)))
                    }
                    for j in k..<(k + fit) { place(sb.lines[j], slots: sb.pitches[j]) }
                    k += fit
                    newPage()
                }
                report(sb.missing, page: frames.count + 1)
                used += Int(p.linesAfter.rounded())
            }
        }
        if used > 0 || frame.items.count > 0 || frames.isEmpty { frames.append(frame) }
        try addPageNumbers(&frames)
        return frames
    }

    /// The lines a paragraph must have together at the top of its first page: all of a paragraph of
    /// fewer than four lines (it cannot split two and two), else two.
    static func firstChunk(_ pitches: [Int]) -> Int {
        pitches.count < 4 ? pitches.reduce(0, +) : pitches.prefix(2).reduce(0, +)
    }

    private func report(_ missing: [Character], page: Int) {
        for c in missing {
            let code = c.unicodeScalars.map { String(format: "U+%04X", $0.value) }.joined(separator: " ")
            diagnostics.report(Diagnostic(.warning, "character ‘\(c)’ (\(code)) on page \(page) is in no installed font; it prints as a box"))
        }
    }

    /// Adds the page numbers of the master to every page.
    private func addPageNumbers(_ frames: inout [Frame]) throws {
        guard let numbers = master.pageNumbers else { return }
        let body = master.body
        for n in frames.indices {
            let label = numbers.text(page: n + 1, of: frames.count)
            let layout: ParagraphLayout
            do {
                layout = try typesetter.typeset([InlineRun(label, style: numbers.style)],
                                                style: ParagraphStyle(firstLineIndent: 0, alignment: .left), width: body.width)
            } catch let e as TextError { throw LayoutError.text(e) }
            guard let line = layout.lines.first else { continue }
            let size = numbers.style.size.points
            // The middle of the dash line 7 mm below the type area: CJK dashes sit about 0.38 em above the baseline.
            let baseline = body.maxY.points + numbers.distanceBelowBody.points + 0.38 * size
            var x: Double
            switch numbers.placement {
            case .center: x = body.minX.points + (body.width.points - line.width.points) / 2
            case .outside(let inset):
                x = (n % 2 == 0) ? body.maxX.points - inset.points - line.width.points : body.minX.points + inset.points
            }
            for run in line.runs {
                var glyphs = run.run
                glyphs.isArtifact = true
                frames[n].place(.glyphs(glyphs), at: Point(x: .pt(x) + run.x, y: .pt(baseline)))
            }
            frames[n].label = "\(n + 1)"
        }
    }
}

/// The first error thrown by any of several concurrent tasks.
final class FirstError: @unchecked Sendable {
    private let lock = NSLock()
    private var first: Error?
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return first != nil }
    var error: Error? { lock.lock(); defer { lock.unlock() }; return first }
    func record(_ e: Error) { lock.lock(); if first == nil { first = e }; lock.unlock() }
}

/// Hands a buffer to concurrent tasks that each write only their own elements.
struct UnsafeSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
