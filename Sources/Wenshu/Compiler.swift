import Foundation
import WenshuCore
import WenshuFonts
import WenshuLayout
import WenshuOFD
import WenshuPDFA
import WenshuRender
import WenshuText

/// The facade: fonts once per run, then blocks → frames → files.
public final class Compiler: @unchecked Sendable {
    public let fonts: FontBook
    public let diagnostics = DiagnosticLog()

    /// - Parameters:
    ///   - fontFolders: folders searched for fonts before the system's.
    ///   - fontOverrides: a font file per role.
    public init(fontFolders: [String] = [], fontOverrides: [FontRole: String] = [:]) throws {
        self.fonts = try FontBook(folders: fontFolders, overrides: fontOverrides)
    }

    /// Lays `blocks` out on pages of `master`.
    public func layout(_ blocks: [Block], master: PageMaster) throws -> [Frame] {
        let flow = FlowLayout(master: master, typesetter: ParagraphTypesetter(fonts: fonts), diagnostics: diagnostics)
        return try flow.layout(blocks)
    }

    /// The 套打 calibration page for a sheet of `size` (see `CalibrationPage`).
    public func calibrationPage(size: Size) throws -> Frame {
        try CalibrationPage(typesetter: ParagraphTypesetter(fonts: fonts)).frame(size: size)
    }

    /// Lays out a document's content.
    public func layout(_ content: DocumentContent) throws -> [Frame] {
        try layout(content.blocks, master: content.master)
    }

    /// Writes the frames as PDF, PDF/A-2b with `pdfa` (and optionally PNG pages and a debug trace).
    /// None of the files is written when any of them is one of `inputs` or an image the pages show
    /// (`OutputGuard`).
    /// 套打 (`overprint`): the PDF and the trace carry what is printed, moved by the printer's
    /// profile, and the PDF asks viewers not to scale; the PNG pages and `previewPDF` show it on
    /// the stock (its scan, or the template's stock layer).
    public func write(_ laidOut: [Frame], info: DocumentInfo, pdf: String?, pdfa: Bool = false, pngFolder: String? = nil,
                      pngResolution: Double = 96, trace: String? = nil, inputs: [String] = [],
                      overprint: Overprint = Overprint(), previewPDF: String? = nil) throws {
        let frames = overprint.print(laidOut), previews = overprint.preview(laidOut)
        let pages = pngFolder.map { folder in frames.indices.map { "\(folder)/page-\($0 + 1).png" } } ?? []
        // The images the pages show are inputs too (a preview page-1.png must not replace a seal so named).
        var images = Set<String>()
        for frame in previews {
            for element in frame.items { if case .image(let item, _) = element.item { images.insert(item.path) } }
        }
        try OutputGuard.check(outputs: [pdf, trace, previewPDF].compactMap { $0 } + pages, inputs: inputs + images.sorted())
        if let pdf, overprint.isPrint {
            // Cairo's file (or the PDF/A pass's) is written beside the target, then updated.
            let draft = AtomicFile.temporaryPath(for: pdf) + ".print"
            defer { try? FileManager.default.removeItem(atPath: draft) }
            try write(frames, info: info, pdf: draft, pdfa: pdfa)
            try PrintScaling.disable(file: draft, to: pdf, name: pdf)
        } else if let pdf {
            try write(frames, info: info, pdf: pdf, pdfa: pdfa)
        }
        if let previewPDF { try PDFRenderer(fonts: fonts).render(previews, info: info, to: previewPDF) }
        if let pngFolder { try PNGRenderer(fonts: fonts, resolution: pngResolution).render(previews, info: info, to: pngFolder) }
        if let trace { try DebugRenderer().render(frames, info: info, to: trace) }
    }

    /// Writes the PDF (PDF/A-2b with `pdfa`) and nothing else.
    private func write(_ frames: [Frame], info: DocumentInfo, pdf: String, pdfa: Bool) throws {
        if pdfa {
            // Cairo's file is written beside the target under a temporary name, then rewritten.
            let draft = AtomicFile.temporaryPath(for: pdf)
            defer { try? FileManager.default.removeItem(atPath: draft) }
            try PDFRenderer(fonts: fonts).render(frames, info: info, to: draft)
            try Compiler.makePDFA(draft, to: pdf, name: pdf)
        } else {
            try PDFRenderer(fonts: fonts).render(frames, info: info, to: pdf)
        }
    }

    /// Writes the frames as an OFD package (GB/T 33190-2016).
    public func writeOFD(_ frames: [Frame], info: DocumentInfo, to path: String) throws {
        try OFDWriter(fonts: fonts).render(frames, info: info, to: path)
    }

    /// Rewrites the PDF at `source` as PDF/A-2b at `destination` (the same path is fine), whole or
    /// not at all; the dates are `SOURCE_DATE_EPOCH`'s when it is set. Errors name `name` (the
    /// file a draft becomes), else `source`.
    public static func makePDFA(_ source: String, to destination: String, name: String? = nil) throws {
        try PDFAConverter().convert(file: source, to: destination, name: name)
    }
}
