import Foundation
import Testing
import WenshuCore
@testable import WenshuFonts

/// Defects 5 and 11: damaged fonts, missing or huge font folders and FIFOs named as fonts are
/// errors, each C handle freed once.
@Suite struct FontHandleTests {
    /// A TrueType face every machine has after scripts/setup (fonts-dejavu-core).
    static let kai = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

    func folder() throws -> String {
        let dir = NSTemporaryDirectory() + "wenshu-fonts-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A font whose table directory is valid and whose body is not: FreeType refuses it, and the
    /// failed `SubsetFont` frees its library and blob once (it used to free both twice).
    @Test func damagedFontMakesNoSubsetFontAndNoDoubleFree() throws {
        var bytes: [UInt8] = [0, 1, 0, 0, 0, 3, 0, 32, 0, 1, 0, 16]  // sfnt 1.0, three tables
        for tag in ["head", "maxp", "cmap"] { bytes += Array(tag.utf8) + [0, 0, 0, 0, 0, 0, 0, 60, 0x7F, 0xFF, 0xFF, 0xFF] }
        bytes += [UInt8](repeating: 0xEE, count: 400)
        for _ in 0..<50 {
            let blob = try #require(HarfBuzzBlob(copying: bytes))
            #expect(SubsetFont(blob: blob, source: FaceID(path: "damaged.ttf", index: 0, family: "x")) == nil)
        }
    }

    @Test func damagedFontFileIsAnError() throws {
        let path = try folder() + "/damaged.ttf"
        var data = try Data(contentsOf: URL(fileURLWithPath: Self.kai))
        data = data.prefix(2000) + Data(repeating: 0xEE, count: 20_000)
        try data.write(to: URL(fileURLWithPath: path))
        do {
            let f = try Font(path: path)
            // HarfBuzz may open what FreeType later refuses: the renderer's copy must fail cleanly
            // (no crash, no double free: scripts/memcheck runs the same damaged font under valgrind).
            _ = FontSubsetter.whole(f)
            _ = FontSubsetter.subset(f, glyphs: [1, 2, 3])
        } catch let e as FontError {
            #expect(e.message.contains(path))
        }
    }

    /// `FontDiscovery.init` destroyed the fontconfig configuration and threw, then `deinit`
    /// destroyed it again.
    @Test func missingFolderThrowsAndFreesOnce() throws {
        for _ in 0..<5 {
            #expect(throws: FontError.folderMissing("/no/such/dir")) { _ = try FontDiscovery(folders: ["/no/such/dir"]) }
        }
        #expect(!(try FontDiscovery()).allFaces().isEmpty)
    }

    /// `--font-dir /usr` walked all of /usr with no output; now it stops at the budget.
    @Test(.timeLimit(.minutes(1)))
    func hugeFolderIsRefused() throws {
        do { _ = try FontDiscovery(folders: ["/usr"]); Issue.record("/usr was accepted as a font folder") } catch let e as FontError {
            guard case .folderTooLarge(let path, _) = e else { Issue.record("\(e)"); return }
            #expect(path == "/usr")
            #expect(e.message.hasPrefix("字体文件夹太大"))
        }
    }

    /// A FIFO in a font folder is skipped; the fonts beside it (and below it) are found.
    @Test(.timeLimit(.minutes(1)))
    func fifoInAFontFolderIsSkipped() throws {
        let dir = try folder()
        #expect(mkfifo(dir + "/stuck.ttf", 0o600) == 0)
        try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.kai, toPath: dir + "/sub/kai.ttf")
        #expect(try FontFolderScan.fonts(in: dir) == [dir + "/sub/kai.ttf"])
        let discovery = try FontDiscovery(folders: [dir])
        #expect(discovery.faces(family: "DejaVu Sans").first?.path == dir + "/sub/kai.ttf")
    }

    /// `--font 仿宋=FIFO` blocked for ever.
    @Test(.timeLimit(.minutes(1)))
    func fifoAsAFontIsRefused() throws {
        let fifo = try folder() + "/font.ttf"
        #expect(mkfifo(fifo, 0o600) == 0)
        do { _ = try Font(path: fifo); Issue.record("a FIFO was read as a font") } catch let e as FontError {
            #expect(e.message.contains("命名管道"))
        }
        #expect(throws: FontError.self) { _ = try FontBook(overrides: [.fangsong: fifo]) }
    }

    /// A folder named as a font file is refused, not mapped.
    @Test func folderAsAFontIsRefused() throws {
        let dir = try folder()
        #expect(throws: FontError.self) { _ = try Font(path: dir) }
    }

    /// How a face draws marks is fixed when it is made, before it is shared between threads.
    @Test func gbPunctuationIsSetAtCreation() throws {
        #expect(try Font(path: Self.kai, gbPunctuation: false).gbPunctuation == false)
        #expect(try Font(path: Self.kai).gbPunctuation == true)
        let book = try FontBook()
        let traditional = try #require(book.font(for: FontCandidate("DejaVu Sans", gbPunctuation: false)))
        #expect(!traditional.gbPunctuation)
        let simplified = try #require(book.font(for: FontCandidate("DejaVu Sans")))
        #expect(simplified.gbPunctuation)
    }
}
