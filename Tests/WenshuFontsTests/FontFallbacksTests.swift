import Foundation
import Testing
import WenshuCore
@testable import WenshuFonts

/// The role table `fonts/roles.tsv` and what it resolves to with only the free faces.
@Suite struct FontFallbacksTests {
    @Test func theTableIsReadFromFontsFolder() throws {
        let table = try FontFallbacks.standard.get()
        #expect(table.folder?.hasSuffix("fonts") == true)
        for role in FontRole.allCases { #expect(table.lists[role]?.isEmpty == false, "\(role)") }
        #expect(table.lastResort.map(\.family).contains("HanaMinB"))
    }

    /// One complete Simplified face per role with the free fonts: Fandol for 宋 黑 楷 仿宋, Noto Serif
    /// CJK SC Bold for 小标宋 (issue: two typefaces in every 仿宋 text).
    @Test(arguments: [(FontRole.song, "FandolSong"), (.hei, "FandolHei"), (.kai, "FandolKai"),
                      (.fangsong, "FandolFang"), (.xiaobiaosong, "Noto Serif CJK SC")])
    func freeFacePerRole(role: FontRole, family: String) throws {
        let book = try FontBook()
        let chain = try book.chain(for: role)
        #expect(chain.primary.id.family == family)
        // The whole of a typical 仿宋 body text, marks included, comes from that one face.
        let text = "为深入贯彻落实《关于加强中小学校党的建设工作的意见》，推动每所学校（幼儿园）打造1个党建品牌。“一校一品”——书香校园……"
        for scalar in text.unicodeScalars {
            #expect(book.font(for: scalar, in: chain)?.id.family == family, "\(scalar) in \(role)")
        }
    }

    /// The Bold face of a family is found by its style even where fontconfig reports weight 80.
    @Test func boldByStyle() throws {
        let book = try FontBook()
        let bold = try book.chain(for: .hei, bold: true)
        #expect(!bold.emboldened)
        #expect(bold.primary.id.path.hasSuffix("FandolHei-Bold.otf"))
    }

    /// A rare character in a name (CJK Extension B) is drawn by a last-resort face, never a box.
    @Test func rareNameCharacterHasAFace() throws {
        let book = try FontBook()
        let chain = try book.chain(for: .song)
        for scalar in "𠈌𪚥𫠝".unicodeScalars { #expect(book.font(for: scalar, in: chain) != nil, "\(scalar)") }
    }

    @Test func officeFontsBeforeFree() throws {
        let table = try FontFallbacks.standard.get()
        for (role, list) in table.lists {
            let firstFree = list.firstIndex { $0.free }
            #expect(firstFree != nil, "\(role)")
            let tail = list[(firstFree ?? list.endIndex)...]
            #expect(!tail.contains { !$0.free }, "\(role)")
        }
    }

    @Test func badRowsNameTheirLine() {
        let header = "role\tfamily\tweight\tsource\tmarks\n"
        #expect(throws: FontError.roleTableInvalid("t.tsv", line: 2, "字重应为 regular 或 bold，这里是“heavy”")) {
            _ = try FontFallbacks(parsing: header + "宋体\tX\theavy\tfree\tgb\n", file: "t.tsv")
        }
        #expect(throws: FontError.self) { _ = try FontFallbacks(parsing: header + "隶书\tX\tregular\tfree\tgb\n") }
        #expect(throws: FontError.self) { _ = try FontFallbacks(parsing: header + "宋体\tX\tregular\n") }
        // A table missing a role is refused.
        #expect(throws: FontError.self) { _ = try FontFallbacks(parsing: header + "宋体\tX\tregular\tfree\tgb\n") }
    }
}
