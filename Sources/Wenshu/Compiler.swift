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
    public let diagnostics = ProblemLog()
    /// Where the images the pages show are read from (fonts are found by fontconfig, on disk).
    public let world: any World

    /// - Parameters:
    ///   - fontFolders: folders searched for fonts before the system's.
    ///   - fontOverrides: a font file per role.
    ///   - world: where images are read from.
    public init(fontFolders: [String] = [], fontOverrides: [FontRole: String] = [:], world: any World = FileWorld()) throws {
        self.fonts = try FontBook(folders: fontFolders, overrides: fontOverrides)
        self.world = world
    }

    /// A compiler over fonts already found (a `CompileSession`'s), reading images from `world`.
    public init(fonts: FontBook, world: any World = FileWorld()) {
        self.fonts = fonts
        self.world = world
    }

    /// Lays `blocks` out on pages of `master`; paragraphs set before are taken from `paragraphs`.
    public func layout(_ blocks: [Block], master: PageMaster, paragraphs: ParagraphCache? = nil,
                       diagnostics: ProblemLog? = nil) throws -> [Frame] {
        let log = diagnostics ?? self.diagnostics
        let flow = FlowLayout(master: master, typesetter: ParagraphTypesetter(fonts: fonts),
                              diagnostics: log, cache: paragraphs, world: world)
        let frames = try flow.layout(blocks)
        // Text past the type area, at its data place. Only where every page has `master`'s type
        // area: a section changes it, and frames do not say which master they were set on.
        if !blocks.contains(where: { if case .section = $0 { true } else { false } }),
           let edge = TypeAreaOverflow.check(frames, body: master.body) { log.report(edge) }
        // A role set in a free face for want of the office font: one warning per build.
        for p in fonts.substitutions() { log.report(p) }
        return frames
    }

    /// The 套打 calibration page for a sheet of `size` (see `CalibrationPage`).
    public func calibrationPage(size: Size) throws -> Frame {
        try CalibrationPage(typesetter: ParagraphTypesetter(fonts: fonts)).frame(size: size)
    }

    /// Lays out a document's content.
    public func layout(_ content: DocumentContent, paragraphs: ParagraphCache? = nil, diagnostics: DiagnosticLog? = nil) throws -> [Frame] {
        try layout(content.blocks, master: content.master, paragraphs: paragraphs, diagnostics: diagnostics)
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
        if let previewPDF { try pdfRenderer.render(previews, info: info, to: previewPDF) }
        if let pngFolder {
            var png = PNGRenderer(fonts: fonts, resolution: pngResolution)
            png.world = world
            try png.render(previews, info: info, to: pngFolder)
        }
        if let trace { try DebugRenderer().render(frames, info: info, to: trace) }
    }

    /// Writes the PDF (PDF/A-2b with `pdfa`) and nothing else.
    private func write(_ frames: [Frame], info: DocumentInfo, pdf: String, pdfa: Bool) throws {
        if pdfa {
            // Cairo's file is written beside the target under a temporary name, then rewritten.
            let draft = AtomicFile.temporaryPath(for: pdf)
            defer { try? FileManager.default.removeItem(atPath: draft) }
            try pdfRenderer.render(frames, info: info, to: draft)
            try Compiler.makePDFA(draft, to: pdf, name: pdf)
        } else {
            try pdfRenderer.render(frames, info: info, to: pdf)
        }
    }

    /// The PDF renderer, reading images from the world.
    var pdfRenderer: PDFRenderer {
        var r = PDFRenderer(fonts: fonts)
        r.world = world
        return r
    }

    /// Writes the frames as an OFD package (GB/T 33190-2016).
    /// `date` is the creation date written (nil: `SOURCE_DATE_EPOCH` when set, else now).
    public func writeOFD(_ frames: [Frame], info: DocumentInfo, to path: String, date: Date? = nil) throws {
        var writer = OFDWriter(fonts: fonts, date: date ?? ReproducibleDate.sourceDateEpoch().map { Date(timeIntervalSince1970: TimeInterval($0)) } ?? Date())
        writer.world = world
        try writer.render(frames, info: info, to: path)
    }

    /// Rewrites the PDF at `source` as PDF/A-2b at `destination` (the same path is fine), whole or
    /// not at all; the dates are `SOURCE_DATE_EPOCH`'s when it is set. Errors name `name` (the
    /// file a draft becomes), else `source`.
    public static func makePDFA(_ source: String, to destination: String, name: String? = nil) throws {
        try PDFAConverter().convert(file: source, to: destination, name: name)
    }
}
