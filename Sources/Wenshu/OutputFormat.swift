/// The file formats `wenshu build` writes: PDF from the laid-out pages, Word (.docx) from the
/// content, OFD (GB/T 33190) from the pages.
public enum OutputFormat: String, CaseIterable, Sendable {
    case pdf, docx, ofd
}
