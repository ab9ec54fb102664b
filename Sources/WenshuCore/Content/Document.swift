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
