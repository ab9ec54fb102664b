internal import CCairo
import Foundation
import WenshuCore
import WenshuFonts

/// A PDF written page by page, for documents too long to hold as frames (ten thousand certificates
/// in one file): each page is painted as it comes and Cairo writes its content stream out at the
/// end of the page, so memory stays flat however many pages follow. Fonts are subset when the
/// file is finished.
///
/// The file is written under a temporary name beside the target (`.NAME.PID.RANDOM.tmp`) and
/// renamed to `path` by `finish()` only when whole: a run that stops half-way leaves no file that
/// looks complete. A stream dropped without `finish()` removes its temporary file.
public final class PDFStream {
    /// The file the PDF becomes.
    public let path: String
    /// Where it is written until it is whole.
    public var temporaryPath: String { output.temporaryPath }
    /// Pages written so far.
    public private(set) var pageCount = 0
    private var surface: OpaquePointer?
    private var cr: OpaquePointer?
    private let faces: CairoFaces
    private let painter: CairoPainter
    private let output: AtomicFile.Output
    private var finished = false
    private var outline = PDFOutline()
    /// A pass over the finished file (`temporaryPath`, then `path`), rewriting it in place before
    /// it is renamed to `path` (the PDF/A rewrite): if it throws, no file is left.
    public var rewrite: (@Sendable (_ file: String, _ path: String) throws -> Void)?

    /// Starts a PDF at `path` (the folder must exist).
    /// - Parameters:
    ///   - fonts: the run's fonts.
    ///   - faces: faces prepared for many documents (`PDFFaceSet`); nil: each face is embedded from
    ///     the whole font on first use and Cairo subsets it to the glyphs used when the PDF is finished.
    ///   - firstPageSize: the size the surface is created with (each page sets its own).
    ///   - sync: flush the file to the disk before it is renamed (see `AtomicFile.Output`).
    ///   - writer: how bytes reach the file (tests: a disk that fills up).
    ///   - date: the creation and modification date written (seconds since 1970; nil: when the
    ///     file is written, or `SOURCE_DATE_EPOCH` when set), so a batch gives the same bytes each run.
    public init(path: String, fonts: FontBook, info: DocumentInfo, faces: PDFFaceSet? = nil,
                firstPageSize: Size = .a4, sync: Bool = true, writer: AtomicFile.Output.Writer? = nil, date: Int? = nil) throws {
        self.path = path
        self.faces = faces?.faces ?? CairoFaces(onDemand: fonts)
        self.painter = CairoPainter(faces: self.faces, images: ImageCache(), forms: GlyphForms())
        output = try CairoOutput.checked { try writer.map { try AtomicFile.Output(path: path, sync: sync, writer: $0) } ?? AtomicFile.Output(path: path, sync: sync) }
        guard let s = cairo_pdf_surface_create_for_stream(CairoOutput.callback, CairoOutput.closure(output),
                                                          firstPageSize.width.points, firstPageSize.height.points) else {
            output.discard()
            throw RenderError.cairo("cannot create the PDF surface", path: path)
        }
        let status = cairo_surface_status(s)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(s)
            output.discard()
            throw CairoOutput.error(status, output: output)
        }
        surface = s
        cairo_pdf_surface_restrict_to_version(s, CAIRO_PDF_VERSION_1_5)
        let pairs: [(cairo_pdf_metadata_t, String?)] = [
            (CAIRO_PDF_METADATA_TITLE, info.title), (CAIRO_PDF_METADATA_AUTHOR, info.author),
            (CAIRO_PDF_METADATA_SUBJECT, info.subject), (CAIRO_PDF_METADATA_KEYWORDS, info.keywords),
            (CAIRO_PDF_METADATA_CREATOR, info.creator),
        ]
        for (key, value) in pairs { if let value { cairo_pdf_surface_set_metadata(s, key, value) } }
        PDFStream.setDate(date ?? ReproducibleDate.sourceDateEpoch(), on: s)
        cr = cairo_create(s)
    }

    deinit { discard() }

    /// Writes `seconds` as the file's creation and modification date (Cairo writes the time of
    /// writing otherwise, and the same input would give different bytes).
    static func setDate(_ seconds: Int?, on surface: OpaquePointer) {
        guard let seconds else { return }
        let iso = ReproducibleDate.iso8601(seconds)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, iso)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, iso)
    }

    /// Paints `frame` as the next page. Page labels are left out (a batch of one-page documents
    /// would otherwise label every page "1"); bookmarks are written.
    public func add(_ frame: Frame) throws {
        guard let surface, let cr, !finished else { throw RenderError.cairo("the PDF is already finished", path: path) }
        cairo_pdf_surface_set_size(surface, frame.size.width.points, frame.size.height.points)
        try painter.paint(frame, on: cr)
        outline.add(frame, page: pageCount + 1, to: surface)
        cairo_show_page(cr)
        painter.images.releasePage()
        pageCount += 1
        if let failure = faces.failure { throw failure }
        // A write that failed (a full disk) stops the run at this page, not at the end.
        if let failure = output.failure { throw RenderError.write(failure) }
        let status = cairo_status(cr)
        guard status == CAIRO_STATUS_SUCCESS else { throw CairoOutput.error(status, output: output) }
    }

    /// Paints each frame as a page; with `outline`, the first page gets a top-level bookmark so
    /// titled (one per certificate in a batch: find a person's page by name).
    public func add(_ frames: [Frame], outline title: String? = nil) throws {
        if let title, let surface, !frames.isEmpty, !finished {
            outline.startDocument(title, page: pageCount + 1, on: surface)
        }
        for f in frames { try add(f) }
    }

    /// Finishes the PDF (fonts, cross-reference table), checks that every byte reached the disk
    /// (Cairo's status, then `fsync` and `close`) and renames it to `path`. On any failure the
    /// temporary file is removed and nothing is left under `path`.
    public func finish() throws {
        guard let surface, !finished else { return }
        if let cr { cairo_destroy(cr); self.cr = nil }
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        cairo_surface_destroy(surface)
        self.surface = nil
        guard status == CAIRO_STATUS_SUCCESS, output.failure == nil else {
            output.discard()
            throw CairoOutput.error(status, output: output)
        }
        let rewrite = self.rewrite, path = self.path
        try CairoOutput.checked {
            try output.commit(transform: rewrite.map { pass in { temporary in try pass(temporary, path) } })
        }
        finished = true
    }

    /// Stops without a file: the temporary file is removed.
    public func discard() {
        if let cr { cairo_destroy(cr); self.cr = nil }
        if let surface {
            cairo_surface_destroy(surface)
            self.surface = nil
        }
        output.discard()
    }

    /// Writes `frames` as one whole PDF at `path` with faces prepared for many documents, and
    /// `rewrite` passed over the finished file.
    public static func write(_ frames: [Frame], info: DocumentInfo, to path: String, fonts: FontBook, faces: PDFFaceSet?,
                             sync: Bool = true, rewrite: (@Sendable (_ file: String, _ path: String) throws -> Void)? = nil,
                             date: Int? = nil) throws {
        let stream = try PDFStream(path: path, fonts: fonts, info: info, faces: faces, firstPageSize: frames.first?.size ?? .a4,
                                   sync: sync, date: date)
        stream.rewrite = rewrite
        try stream.add(frames)
        try stream.finish()
    }
}

/// Font faces prepared once for many PDFs: each face cut (by HarfBuzz) to a glyph set that covers
/// all of them, such as the glyphs of a batch of certificates. Each PDF written with the set still
/// embeds only the glyphs it uses (Cairo cuts again per file), so files stay small while the
/// expensive cut of a large CJK font is done once per batch instead of once per file. Safe to share
/// between threads writing different PDFs: its one property never changes, and `CairoFaces` locks
/// its own state — that is why the unchecked `Sendable` is safe.
public final class PDFFaceSet: @unchecked Sendable {
    let faces: CairoFaces

    /// Faces cut to `glyphs` (per face).
    public init(glyphs: [FaceID: Set<UInt32>], fonts: FontBook) throws {
        faces = try CairoFaces(glyphs: glyphs, fonts: fonts, subset: true)
    }

    /// Faces for one PDF written page by page: every face the sample `frames` use, cut to the
    /// characters `text` holds that the face has (the whole list's text, known in advance), so Cairo
    /// never loads a whole CJK font; a face the sample did not show is made whole if met later.
    public init(sample frames: [Frame], text characters: Set<Unicode.Scalar>, fonts: FontBook) throws {
        let (chars, glyphs) = PDFFaceSet.characters(sample: frames, text: characters, fonts: fonts)
        faces = try CairoFaces(characters: chars, glyphs: glyphs, fonts: fonts)
    }

    /// Faces for many small PDFs (one per row), cut once per run as `init(sample:text:fonts:)` cuts
    /// them but compact (glyphs renumbered, see `CairoFaces.init(compact:glyphs:fonts:)`): Cairo's
    /// work per file then follows the glyphs kept, not the face's 65,535 slots.
    public init(compactSample frames: [Frame], text characters: Set<Unicode.Scalar>, fonts: FontBook) throws {
        let (chars, glyphs) = PDFFaceSet.characters(sample: frames, text: characters, fonts: fonts)
        faces = try CairoFaces(compact: chars, glyphs: glyphs, fonts: fonts)
    }

    /// Faces cut compact to `glyphs` (per face).
    public init(compactGlyphs glyphs: [FaceID: Set<UInt32>], fonts: FontBook) throws {
        faces = try CairoFaces(compact: [:], glyphs: glyphs, fonts: fonts)
    }

    /// Whether the set holds every glyph of `glyphs` (faces cut compact only; see `CairoFaces.covers`).
    public func covers(_ glyphs: [FaceID: Set<UInt32>]) -> Bool { faces.covers(glyphs) }

    /// The characters each face the sample `frames` use will draw (those of `characters` it has),
    /// and the glyphs the sample shows.
    private static func characters(sample frames: [Frame], text characters: Set<Unicode.Scalar>, fonts: FontBook)
        -> (chars: [FaceID: Set<UInt32>], glyphs: [FaceID: Set<UInt32>]) {
        var chars: [FaceID: Set<UInt32>] = [:]
        var glyphs: [FaceID: Set<UInt32>] = [:]
        for frame in frames {
            for element in frame.items {
                guard case .glyphs(let run) = element.item else { continue }
                glyphs[run.face, default: []].formUnion(run.glyphs.map(\.id))
                chars[run.face, default: []].formUnion(run.text.unicodeScalars.map(\.value))
            }
        }
        for id in Array(chars.keys) {
            guard let font = try? fonts.font(path: id.path, index: id.index, family: id.family) else { continue }
            for c in characters where font.hasGlyph(c) { chars[id, default: []].insert(c.value) }
        }
        return (chars, glyphs)
    }

    /// The glyphs of each face that `frames` use.
    public static func glyphs(of frames: [Frame]) -> [FaceID: Set<UInt32>] {
        CairoFaces.glyphs(of: frames)
    }
}
