import Foundation
import WenshuCore

/// Makes an editable Word document (.docx, ECMA-376 transitional) from a document's content:
/// named paragraph styles with the template's fonts and 字号, the page set up as the template's
/// (GB/T 9704's 22 × 28 grid as `docGrid`), tables with merged cells and repeated header rows,
/// page numbers as fields, pictures, the seal floating over the signature, the contents as a TOC
/// field. It reads the content tree, not the laid-out pages, so the text still flows in Word.
public struct DocxWriter: Sendable {
    public var content: DocumentContent
    /// The page labels of the headings as a layout found them (title, label), in order: the
    /// contents field's entries show them until Word updates the field. Empty: no numbers.
    public var headingPages: [(title: String, label: String)]
    /// Where the pictures are read from.
    public var world: any World = FileWorld()

    public init(content: DocumentContent, headingPages: [(title: String, label: String)] = []) {
        self.content = content; self.headingPages = headingPages
    }

    /// The parts of the package, before zipping (for tests): name → XML text.
    public func parts() throws -> [String: String] {
        let writer = DocumentWriter(content: content, headingPages: headingPages, world: world)
        let package = try makePackage(writer)
        var out: [String: String] = [
            "[Content_Types].xml": package.contentTypes, "_rels/.rels": package.packageRels,
            "word/document.xml": package.document, "word/_rels/document.xml.rels": package.documentRels,
            "word/styles.xml": package.styles, "word/settings.xml": package.settings,
            "docProps/core.xml": package.core,
        ]
        for p in package.parts.parts where !p.name.hasPrefix("media/") { out["word/" + p.name] = String(decoding: p.data, as: UTF8.self) }
        return out
    }

    /// The .docx file's bytes.
    public func data() throws -> Data {
        try makePackage(DocumentWriter(content: content, headingPages: headingPages, world: world)).data()
    }

    /// Writes the .docx to `path` whole or not at all.
    public func write(to path: String) throws {
        try AtomicFile.write(try data(), to: path)
    }

    private func makePackage(_ writer: DocumentWriter) throws -> DocxPackage {
        // {title} in running heads names the style of the first top-level heading.
        if let top = content.blocks.lazy.compactMap({ b -> String? in
            if case .paragraph(let p) = b, p.bookmarkLevel == 1 { return p.styleName ?? "正文" }
            return nil
        }).first {
            writer.topHeadingStyle = StyleSheet.known[top]?.name ?? top
        }
        let document = try writer.document()
        return DocxPackage(document: document, styles: writer.styles.xml, settings: writer.settings, parts: writer.parts, info: content.info)
    }
}
