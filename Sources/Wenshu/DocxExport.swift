import WenshuCore
import WenshuDocx

extension Compiler {
    /// Writes `content` as an editable Word document (.docx) at `path`, whole or not at all.
    /// Word flows the text itself, so no layout is needed (and no fonts are opened).
    public static func writeDocx(_ content: DocumentContent, to path: String) throws {
        try DocxWriter(content: content).write(to: path)
    }
}
