import Foundation
import Testing
import WenshuCore
@testable import WenshuFonts

@Suite struct FontBookTests {
    static let book = try! FontBook()

    /// Every role resolves to a free font from Debian when no office font is installed.
    @Test(arguments: FontRole.allCases)
    func everyRoleResolves(role: FontRole) throws {
        let chain = try Self.book.chain(for: role)
        #expect(!chain.fonts.isEmpty)
        let free = FontFallbacks.lists[role]!.filter(\.free).map(\.family)
        #expect(chain.fonts.contains { free.contains($0.id.family) }, "\(role): \(chain.fonts.map(\.id.family))")
    }

    @Test func rolesByEitherName() {
        #expect(FontRole(name: "仿宋") == .fangsong)
        #expect(FontRole(name: "fangsong") == .fangsong)
        #expect(FontRole(name: "仿宋_GB2312") == .fangsong)
        #expect(FontRole(name: "小标宋") == .xiaobiaosong)
        #expect(FontRole(name: "comic") == nil)
    }

    /// Office fonts come first in every list, free ones after.
    @Test func officeFontsComeFirst() {
        for (_, list) in FontFallbacks.lists {
            let firstFree = list.firstIndex(where: \.free)!
            #expect(list[firstFree...].allSatisfy { $0.free })
        }
        #expect(FontFallbacks.lists[.fangsong]!.first!.family == "仿宋_GB2312")
    }

    /// Per-character fallback: CJK Extension B is found in some installed face.
    @Test func extensionBFallsBack() throws {
        let chain = try Self.book.chain(for: .fangsong)
        let f = Self.book.font(for: "𠈌", in: chain)
        #expect(f != nil)
        #expect(f!.hasGlyph("𠈌"))
    }

    /// Full-width marks come from a GB-style face (a Traditional-style face marked `centred` in the
    /// role table would pass them on to the next face).
    @Test func marksComeFromAGBFace() throws {
        let chain = try Self.book.chain(for: .fangsong)
        let f = Self.book.font(for: "，", in: chain)!
        #expect(f.gbPunctuation)
    }

    @Test func missingFontFileIsAnError() {
        #expect(throws: FontError.fileMissing("/no/such/font.ttf")) {
            _ = try FontBook(overrides: [.fangsong: "/no/such/font.ttf"])
        }
    }

    @Test func fileThatIsNotAFontIsAnError() throws {
        let path = NSTemporaryDirectory() + "not-a-font-\(UUID().uuidString).ttf"
        try Data("这不是字体".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: FontError.notAFont(path)) { _ = try Font(path: path) }
        #expect(FontError.notAFont(path).description.hasPrefix("不是可用的字体文件（not a font file"))
    }

    @Test func missingFolderIsAnError() {
        #expect(throws: FontError.folderMissing("/no/such/fonts")) { _ = try FontBook(folders: ["/no/such/fonts"]) }
    }

    /// A font placed in a user folder wins over the same family installed elsewhere.
    @Test func userFolderIsSearchedFirst() throws {
        let dir = NSTemporaryDirectory() + "wenshu-fonts-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let song = try Self.book.chain(for: .song).primary.id
        try FileManager.default.copyItem(atPath: song.path, toPath: dir + "/mine.otf")
        let book = try FontBook(folders: [dir])
        let faces = book.discovery.faces(family: song.family)
        #expect(faces.first?.path.hasPrefix(dir) == true, "\(faces)")
    }

    /// Folders rank in the order they were named, not by where they live: a folder named first wins
    /// even when its path sorts after the second's (as /tmp after /home on a CI machine's clone).
    @Test func foldersRankInTheOrderNamed() throws {
        let root = NSTemporaryDirectory() + "wenshu-rank-\(UUID().uuidString)"
        let first = root + "/z-named-first", second = root + "/a-named-second"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let song = try Self.book.chain(for: .song).primary.id
        for dir in [first, second] {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: song.path, toPath: dir + "/face.otf")
        }
        let discovery = try FontDiscovery(folders: [first, second])
        let faces = discovery.faces(family: song.family)
        #expect(faces.first?.path.hasPrefix(first + "/") == true, "\(faces.map(\.path))")
    }

    @Test func oneFaceObjectPerFile() throws {
        let a = try Self.book.chain(for: .song).primary
        let b = try Self.book.font(path: a.id.path, index: a.id.index)
        #expect(a === b)
    }
}

@Suite struct SubsetTests {
    @Test func subsetIsSmallAndDeclaresTheEmBox() throws {
        let font = try FontBookTests.book.chain(for: .song).primary
        let glyphs = Set(font.shape("一校一品党建品牌", script: .han).map(\.id))
        let subset = try #require(FontSubsetter.subset(font, glyphs: glyphs))
        let whole = try #require(FontSubsetter.whole(font))
        #expect(subset.byteCount < 200_000 && subset.byteCount * 50 < whole.byteCount, "\(subset.byteCount) of \(whole.byteCount) bytes")
        #expect(subset.source == font.id)
        // Cut by characters instead, the closure holds the glyphs shaping gives those characters.
        let byCharacters = try #require(FontSubsetter.subset(font, glyphs: [], unicodes: Set("一校一品".unicodeScalars.map(\.value))))
        #expect(byCharacters.byteCount < 200_000)
    }
}

/// A CFF face keeps its own widths in the subset: its charstrings carry them, and PDF/A requires the
/// widths a PDF declares to agree with them (ISO 19005-2 §6.2.11.5). FandolFang's ％ sign is 0.833 em.
@Suite struct CFFSubsetWidthTests {
    @Test func cffWidthsAreNotWidened() throws {
        let font = try FontBookTests.book.chain(for: .fangsong).primary
        let percent = try #require(font.shape("%", script: .latin).first)
        #expect(abs(percent.advance - 0.833) < 0.01, "\(percent.advance)")
        let subset = try #require(FontSubsetter.subset(font, glyphs: [percent.id]))
        let path = NSTemporaryDirectory() + "cff-subset-\(UUID().uuidString).otf"
        try subset.data.write(to: URL(fileURLWithPath: path))
        let cut = try Font(path: path)
        let advance = try #require(cut.shape("%", script: .latin).first?.advance)
        #expect(abs(advance - 0.833) < 0.01, "the subset declares \(advance) em for ％")
    }
}

/// A role whose office font is not installed is set in the free face, and that is said once.
@Suite struct FontSubstitutionTests {
    /// Two roles without their office fonts: still one warning for the build, naming both faces of each.
    @Test func oneWarningPerBuildForEveryRole() throws {
        let standard = try FontFallbacks.standard.get()
        let table = FontFallbacks(lists: [.fangsong: [FontCandidate("Wenshu无此仿宋_GB2312"), FontCandidate("FandolFang", free: true)],
                                          .hei: [FontCandidate("Wenshu无此黑体"), FontCandidate("FandolHei", free: true)]],
                                  lastResort: [], folder: standard.folder)
        let book = try FontBook(table: table)
        _ = try book.chain(for: .fangsong)
        _ = try book.chain(for: .hei)
        let warnings = book.substitutions()
        #expect(warnings.count == 1, "\(warnings)")
        let text = warnings.first?.description ?? ""
        #expect(text.contains("仿宋 用 FandolFang 代替 Wenshu无此仿宋_GB2312") && text.contains("黑体 用 FandolHei 代替 Wenshu无此黑体"), "\(text)")
    }

    @Test func oneWarningPerRoleNamingBothFaces() throws {
        let standard = try FontFallbacks.standard.get()
        let table = FontFallbacks(lists: [.fangsong: [FontCandidate("Wenshu无此仿宋_GB2312"), FontCandidate("FandolFang", free: true)]],
                                  lastResort: [], folder: standard.folder)
        let book = try FontBook(table: table)
        #expect(book.substitutions().isEmpty, "nothing resolved yet")
        for _ in 0..<3 { _ = try book.chain(for: .fangsong) }
        _ = try book.chain(for: .fangsong, bold: true)
        let warnings = book.substitutions()
        #expect(warnings.count == 1, "\(warnings)")
        #expect(warnings.first?.severity == .warning)
        #expect(warnings.first?.description.hasPrefix("注意：仿宋 用 FandolFang 代替 Wenshu无此仿宋_GB2312") == true, "\(warnings)")
    }

    @Test func anOverriddenRoleIsNotASubstitution() throws {
        let standard = try FontFallbacks.standard.get()
        let folder = try #require(standard.folder)
        let table = FontFallbacks(lists: [.fangsong: [FontCandidate("Wenshu无此仿宋_GB2312"), FontCandidate("FandolFang", free: true)]],
                                  lastResort: [], folder: folder)
        let book = try FontBook(overrides: [.fangsong: folder + "/free/FandolFang-Regular.otf"], table: table)
        _ = try book.chain(for: .fangsong)
        #expect(book.substitutions().isEmpty)
    }
}
