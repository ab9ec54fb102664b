import Foundation
import WenshuCore
import WenshuText

/// Paragraphs already set, by everything that decides their lines: runs, style, width, line
/// height, fit, pitch and grid. A run that lays out many similar documents (thousands of
/// certificates) sets each repeated paragraph — the citation, the issuer, the date — once.
/// Owned by the run and shared by its threads; bounded, so memory stays flat. Unchecked `Sendable`
/// is safe: its entries are read and written under `lock` only.
public final class ParagraphCache: @unchecked Sendable {
    struct Key: Hashable {
        var runs: [InlineRun]
        var style: ParagraphStyle
        var width: Length
        var lineHeight: Length?
        var fit: ShrinkFit?
        var pitch: Length
        /// Set in a table cell (lines only: the cell's slots give the heights).
        var inCell = false
        /// Set as loose lines outside the flow (a signature's issuer and date).
        var loose = false
    }

    struct Entry {
        var lines: [TextLine]
        var heights: [Length]
        var missing: [MissingCharacter]
        var overfull: Bool
        /// The places of the runs the lines were set from (the key leaves places out).
        var places: [SourceLocation?]

        /// The entry for runs of the same text and style from `places`: the lines are the same,
        /// only the places their glyph runs name change. Nil when one old place stood for two new
        /// ones (a miss: the paragraph is set again).
        func restamped(_ places: [SourceLocation?]) -> Entry? {
            guard places != self.places else { return self }
            var map: [SourceLocation?: SourceLocation?] = [:]
            for (old, new) in zip(self.places, places) {
                if let known = map[old], known != new { return nil }
                map[old] = new
            }
            var e = self
            e.places = places
            for l in e.lines.indices {
                for r in e.lines[l].runs.indices { e.lines[l].runs[r].run.place = map[e.lines[l].runs[r].run.place] ?? nil }
            }
            for m in e.missing.indices { e.missing[m].place = map[e.missing[m].place] ?? nil }
            return e
        }
    }

    /// The runs as a key: their text and style. The place a run came from does not change its
    /// lines, so it is left out (a thousand rows naming a thousand cells still share one setting
    /// of the same text); `Entry.restamped` puts the new places on the glyph runs.
    static func runsKey(_ runs: [InlineRun]) -> [InlineRun] {
        runs.map { var r = $0; r.place = nil; return r }
    }

    private let lock = NSLock()
    private var entries: [Key: Entry] = [:]
    private let capacity: Int

    /// A cache holding at most `capacity` paragraphs (it empties itself when full).
    public init(capacity: Int = 512) { self.capacity = capacity }

    /// Paragraphs held now.
    public var count: Int {
        lock.lock(); defer { lock.unlock() }
        return entries.count
    }

    /// A table cell's paragraph set at `width`, from the cache when it was set before (with the
    /// places of this cell's runs on its glyph runs).
    func cellLines(_ p: ParagraphBlock, width: Length, typesetter: ParagraphTypesetter,
                   shaped: ShapedParagraph? = nil) throws -> (lines: [TextLine], missing: [MissingCharacter]) {
        let key = Key(runs: Self.runsKey(p.runs), style: p.style, width: width, lineHeight: nil, fit: nil, pitch: .zero, inCell: true)
        return try lines(p.runs, style: p.style, width: width, key: key, typesetter: typesetter, shaped: shaped)
    }

    /// Lines set outside the flow (a signature's issuer and date, the same on every certificate
    /// of a batch: set once, not once a row), from the cache when they were set before.
    func looseLines(_ runs: [InlineRun], style: ParagraphStyle, width: Length, typesetter: ParagraphTypesetter) throws -> [TextLine] {
        let key = Key(runs: Self.runsKey(runs), style: style, width: width, lineHeight: nil, fit: nil, pitch: .zero, loose: true)
        return try lines(runs, style: style, width: width, key: key, typesetter: typesetter).lines
    }

    /// The lines under `key`, set and kept when not there (with the places of `runs` on them).
    private func lines(_ runs: [InlineRun], style: ParagraphStyle, width: Length, key: Key,
                       typesetter: ParagraphTypesetter, shaped: ShapedParagraph? = nil) throws -> (lines: [TextLine], missing: [MissingCharacter]) {
        let places = runs.map(\.place)
        if let cached = entry(key), let e = cached.restamped(places) { return (e.lines, e.missing) }
        let layout = try shaped.map { try typesetter.typeset($0, width: width) } ?? typesetter.typeset(runs, style: style, width: width)
        store(key, Entry(lines: layout.lines, heights: [], missing: layout.missing, overfull: false, places: places))
        return (layout.lines, layout.missing)
    }

    func entry(_ key: Key) -> Entry? {
        lock.lock(); defer { lock.unlock() }
        return entries[key]
    }

    func store(_ key: Key, _ entry: Entry) {
        lock.lock(); defer { lock.unlock() }
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[key] = entry
    }
}
