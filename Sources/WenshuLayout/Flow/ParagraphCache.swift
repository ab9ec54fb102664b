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
    }

    struct Entry {
        var lines: [TextLine]
        var heights: [Length]
        var missing: [Character]
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

    /// A table cell's paragraph set at `width`, from the cache when it was set before.
    func cellLines(_ p: ParagraphBlock, width: Length, typesetter: ParagraphTypesetter) throws -> (lines: [TextLine], missing: [Character]) {
        let key = Key(runs: p.runs, style: p.style, width: width, lineHeight: nil, fit: nil, pitch: .zero, inCell: true)
        if let cached = entry(key) { return (cached.lines, cached.missing) }
        let layout = try typesetter.typeset(p.runs, style: p.style, width: width)
        store(key, Entry(lines: layout.lines, heights: [], missing: layout.missing))
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
