import WenshuCore

/// What lies between two adjacent atoms: whether a line may break there, the space set there when it
/// does not, and how much that space may shrink or stretch, by clreq priority. Space at a junction
/// where the line breaks is dropped.
struct Junction {
    var breakable = false
    var forced = false
    /// Demerits added when the line breaks here (a title breaking inside a quoted name).
    var penalty = 0.0
    /// Natural space, in points: word space, Han–Latin space, less what punctuation compression takes.
    var glue = 0.0
    /// Shrinkable space by `ShrinkPriority`, and stretchable space by `StretchPriority`.
    var shrink = PriorityAmounts()
    var stretch = PriorityAmounts()

    /// On a grid: the marks on either side may share one cell when the line needs it
    /// (`Compression.sharesGridCell`), giving up one column.
    var gridPair = false

    var totalShrink: Double { shrink.total }
    var totalStretch: Double { stretch.total }
}

/// Builds the junctions from the CJK rule tables:
/// - `Kinsoku` decides where a break is allowed (and never inside a Latin word or ——/……);
/// - `Compression` takes the facing blanks of adjacent marks down by ½ em (GB/T 15834 §5.1.10,
///   clreq 3.1.6: two one-em marks side by side take 1.5 em);
/// - `HanLatinSpacing` adds up to ¼ em between Han and Latin when the style asks for it;
/// - what remains of each mark's blank half is shrinkable, at its class's priority.
enum Prepare {
    /// The stretch each gap between characters offers the breaker (in em): expansion comes last
    /// in the clreq order, but a paragraph of Han text must be able to fill a line to its edge.
    static let interCharacterStretch = 0.05

    static func junctions(_ atoms: inout [Atom], style: ParagraphStyle) -> [Junction] {
        guard atoms.count > 1 else { return atoms.isEmpty ? [] : [Junction()] }
        var js = [Junction](repeating: Junction(), count: atoms.count)
        let grid = style.grid != nil
        for k in 0..<(atoms.count - 1) {
            var j = Junction()
            let a = atoms[k], b = atoms[k + 1]
            let em = max(a.em, b.em)
            j.forced = a.forcedBreakAfter
            // Where a break may fall.
            if a.kind == .indent {
                j.breakable = false
            } else if let last = a.last, let first = b.first {
                let insideWord = a.kind == .latin && b.kind == .latin && a.trailing.isEmpty
                let inNumber = Kinsoku.joinsNumber(earlier: k > 0 ? atoms[k - 1].text : nil, before: a.text, after: b.text)
                j.breakable = j.forced || (!insideWord && !inNumber && Kinsoku.allowsBreak(scalar: last, and: first))
            }
            // Word spaces.
            if a.spaceAfter > 0 {
                j.glue += a.spaceAfter
                j.shrink[ShrinkPriority.wordSpace.rawValue] += a.spaceAfter / 3
                j.stretch[StretchPriority.wordSpace.rawValue] += a.spaceAfter / 2
            }
            if grid {
                j.gridPair = Compression.sharesGridCell(a.kind, b.kind)
            } else {
                // Han–Latin spacing (optional, up to ¼ em; none in official documents).
                if style.hanLatinSpacing, a.trailing.isEmpty, HanLatinSpacing.applies(between: a, and: b) {
                    let space = HanLatinSpacing.width * em
                    j.glue += space
                    j.shrink[ShrinkPriority.hanLatin.rawValue] += space
                    j.stretch[StretchPriority.hanLatin.rawValue] += space / 2
                }
                // Adjacent punctuation compression (only between two marks: the atoms are not
                // copied for the other junctions).
                if case .punctuation = a.kind, case .punctuation = b.kind {
                    var left = atoms[k], right = atoms[k + 1]
                    let taken = Compression.take(&left, &right)
                    atoms[k] = left
                    atoms[k + 1] = right
                    j.glue -= taken
                }
            }
            // What is left of the blanks may shrink, by priority. On a grid the breaker lets only a
            // line holding numbers or Latin use it (one of Han and marks alone keeps its columns).
            if case .punctuation(let p) = atoms[k].kind, atoms[k].blankRightInside > 0 {
                j.shrink[p.shrinkPriority.rawValue] += atoms[k].blankRightInside
            }
            // Not the blank of a mark right after the first line's indent: shrunk there, "（2）" of a
            // paragraph stood ½ em left of "（1）" and "（3）" above and below it.
            if case .punctuation(let p) = atoms[k + 1].kind, atoms[k + 1].blankLeftInside > 0, a.kind != .indent {
                j.shrink[p.shrinkPriority.rawValue] += atoms[k + 1].blankLeftInside
            }
            // Even inter-character expansion, last in order; never inside a word or inside an indent.
            // Spread text (分散对齐: form labels) opens only between characters, never beside a
            // mark: "县（市、区）" keeps its brackets and pause mark against their characters.
            let insideWord = a.kind == .latin && b.kind == .latin && a.trailing.isEmpty
            let besideMark: Bool = {
                if case .punctuation = a.kind { return true }
                if case .punctuation = b.kind { return true }
                return false
            }()
            if a.kind != .indent && !insideWord && !(style.alignment == .distributed && besideMark) {
                j.stretch[StretchPriority.interCharacter.rawValue] += interCharacterStretch * em
            }
            js[k] = j
        }
        if style.alignment == .center {
            // Titles keep their words whole (GB/T 9704 §7.3.3: 词意完整). Without a dictionary the
            // breaker is steered to the places where Chinese titles break: before 关于, after 的
            // 和 与 及, around brackets and quotes, after a pause mark; never inside quotes or
            // brackets when a break outside them will do.
            var depth = 0
            for k in 0..<(atoms.count - 1) {
                // The ideographic space between a joint title's organs: all blank, so a line
                // ending on it is centred on its ink.
                if atoms[k].text == TitleBreaks.organSpace { atoms[k].blankRight = atoms[k].width }
                if case .punctuation(.opening) = atoms[k].kind { depth += 1 }
                if case .punctuation(.closing) = atoms[k].kind { depth = max(0, depth - 1) }
                if depth > 0 { js[k].penalty = 3000; continue }
                let next = atoms[k + 1]
                var good = TitleBreaks.after.contains(atoms[k].text) || TitleBreaks.before.contains(next.text)
                if k + 2 < atoms.count, TitleBreaks.beforePairs.contains(next.text + atoms[k + 2].text) { good = true }
                switch (atoms[k].kind, next.kind) {
                case (.punctuation(.closing), _), (.punctuation(.pause), _), (_, .punctuation(.opening)): good = true
                default: break
                }
                js[k].penalty = good ? 0 : 800
            }
        }
        return js
    }
}

/// Where a centred title may break with its words whole, as data.
enum TitleBreaks {
    /// The ideographic space that separates the organs of a joint document's title (中共…委员会　…局关于…).
    static let organSpace = "\u{3000}"
    /// Characters after which a title line may end: the particle 的, the conjunctions, and the
    /// space between two organs' names (a name is never split over two lines when it can be kept).
    static let after: Set<String> = ["的", "和", "与", "及", organSpace]
    /// Characters before which a line may end.
    static let before: Set<String> = []
    /// Words before which a line may end: 关于 (…党组 | 关于…), 开展, 印发, 转发.
    static let beforePairs: Set<String> = ["关于", "印发", "转发"]
}
