/// A document ready for layout: what the template made of the data.
public struct DocumentContent: Sendable {
    public var info: DocumentInfo
    /// The first section's page master (later sections change it with `Block.section`).
    public var master: PageMaster
    public var blocks: [Block]

    public init(info: DocumentInfo = DocumentInfo(), master: PageMaster = .officialDocument(), blocks: [Block] = []) {
        self.info = info; self.master = master; self.blocks = blocks
    }
}

extension DocumentContent {
    /// The content for one-sided printing: sections and page breaks that would start on an odd
    /// (right-hand) page start on the next page instead, so no blank backs are inserted.
    public func simplex() -> DocumentContent {
        var out = self
        out.blocks = blocks.map { block in
            switch block {
            case .pageBreak(toOdd: true): return .pageBreak(toOdd: false)
            case .section(var s):
                s.oddPage = false
                return .section(s)
            default: return block
            }
        }
        return out
    }
}
