import Foundation
import WenshuCore
import WenshuData
import WenshuFonts
import WenshuLayout
import WenshuTemplate

/// One compile's results: the content (for Word), the laid-out pages (for PDF, OFD, PNG), the
/// data's problems and what layout reported (a missing glyph…).
public struct Compilation: Sendable {
    public var content: DocumentContent
    public var frames: [Frame]
    public var problems: [Problem]
    public var diagnostics: [Problem]
}

/// Compiles one document again and again, reusing what did not change (the web workbench holds
/// one per open document; a test or the benchmark holds one to recompile after an edit):
///
/// - the fonts (`FontBook`: fontconfig's search and the opened faces), found once;
/// - template and fragment files, parsed and checked once per content (`TemplateCache`);
/// - data files, loaded and normalised once per content (`SourceCache<DataSet>`);
/// - paragraphs, set into lines once per runs, style, width and place (`ParagraphCache`).
///
/// Every input is read again on each compile through the `World` (that is how a change is seen),
/// but only the files whose bytes changed are parsed again, and only the paragraphs whose text,
/// style or place changed are shaped and broken again. Realising the template (cheap) and
/// composing the pages (the cursor down the set paragraphs) run every time: a one-field change
/// may move every page after it, and composing is a small share of a compile (docs/performance.md).
/// The caches are bounded by `Limits.maxCacheEntries` and `maxCacheBytes`.
///
/// Compiles of one session run one at a time (a lock), so its `world` can be replaced between
/// them. Unchecked `Sendable` is safe: `world` is read and written under `lock` only, and the
/// other stored properties are constants of `Sendable` types.
public final class CompileSession: @unchecked Sendable {
    /// The fonts, found once for the session.
    public let fonts: FontBook
    public let limits: Limits
    /// Folders searched for template names.
    public let templateSearchPaths: [String]
    public let allowOutside: Bool
    /// Parsed template and fragment files.
    public let templates: TemplateCache
    /// Loaded data files.
    public let data: SourceCache<DataSet>
    /// Set paragraphs.
    public let paragraphs: ParagraphCache
    private let lock = NSLock()
    private var currentWorld: any World

    /// - Parameters:
    ///   - world: where templates, data, images and standards are read from.
    ///   - fontFolders: folders searched for fonts before the system's (on disk: fonts are not read through the World).
    public init(world: any World = FileWorld(), templateSearchPaths: [String] = TemplateLoader.defaultSearchPaths(),
                allowOutside: Bool = false, fontFolders: [String] = [], fontOverrides: [FontRole: String] = [:],
                limits: Limits = .standard) throws {
        self.fonts = try FontBook(folders: fontFolders, overrides: fontOverrides)
        self.currentWorld = world
        self.templateSearchPaths = templateSearchPaths
        self.allowOutside = allowOutside
        self.limits = limits
        self.templates = TemplateCache(limits: limits)
        self.data = SourceCache(limits: limits)
        self.paragraphs = ParagraphCache(capacity: max(1, limits.maxCacheEntries))
    }

    /// The World the next compile reads; set it to the edited files before compiling again.
    public var world: any World {
        get { lock.lock(); defer { lock.unlock() }; return currentWorld }
        set { lock.lock(); defer { lock.unlock() }; currentWorld = newValue }
    }

    /// The builder of the session's world, with its caches.
    func builder(_ world: any World) -> DocumentBuilder {
        var builder = DocumentBuilder(templateSearchPaths: templateSearchPaths, allowOutside: allowOutside, world: world)
        builder.loader.cache = templates
        builder.dataCache = data
        return builder
    }

    /// A compiler over the session's fonts reading images from `world`.
    func compiler(_ world: any World) -> Compiler { Compiler(fonts: fonts, world: world) }

    /// Compiles `template` filled from `dataPaths` (paths in the world) into pages. Invalid data is
    /// refused unless `force`, as `DocumentBuilder.build` does.
    public func compile(template: String, data dataPaths: [String], force: Bool = false) throws -> Compilation {
        lock.lock(); defer { lock.unlock() }
        let world = currentWorld
        let (content, problems) = try builder(world).build(template: template, data: dataPaths, force: force)
        let log = DiagnosticLog()
        let frames = try compiler(world).layout(content, paragraphs: paragraphs, diagnostics: log)
        return Compilation(content: content, frames: frames, problems: problems, diagnostics: log.all)
    }

    /// Writes a compilation as PDF (PDF/A-2b with `pdfa`), reading its images from the session's world.
    public func writePDF(_ compilation: Compilation, to path: String, pdfa: Bool = false) throws {
        try write(compilation, as: .pdf, to: path, pdfa: pdfa)
    }

    /// Writes a compilation as `format` (PDF, Word or OFD), reading its images from the session's world.
    public func write(_ compilation: Compilation, as format: OutputFormat, to path: String, pdfa: Bool = false) throws {
        let compiler = compiler(world)
        switch format {
        case .pdf: try compiler.write(compilation.frames, info: compilation.content.info, pdf: path, pdfa: pdfa)
        case .docx: try compiler.writeDocx(compilation.content, to: path)
        case .ofd: try compiler.writeOFD(compilation.frames, info: compilation.content.info, to: path)
        }
    }
}
