import WenshuCore
import WenshuDocx

extension Compiler {
    /// Writes `content` as an editable Word document (.docx) at `path`, whole or not at all.
    /// Word flows the text itself; the content is laid out only when it has a contents block, so
    /// the contents field can show the headings' page numbers before Word updates it.
    public func writeDocx(_ content: DocumentContent, to path: String) throws {
        var pages: [(title: String, label: String)] = []
        if content.blocks.contains(where: { if case .contents = $0 { true } else { false } }) {
            for frame in try layout(content) {
                for case .bookmark(let title, _) in frame.items.map(\.item) { pages.append((title, frame.label ?? "")) }
            }
        }
        var writer = DocxWriter(content: content, headingPages: pages)
        writer.world = world
        try writer.write(to: path)
    }
}
