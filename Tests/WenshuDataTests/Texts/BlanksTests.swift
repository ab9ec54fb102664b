import Foundation
import Testing
@testable import WenshuData

/// `Blanks` replaces Foundation's trimming and line-end folding on the report's hot path: it must
/// give exactly what they gave.
@Suite struct BlanksTests {
    static let samples = [
        "", " ", "\t", "　", "　　学校创办于1958年。", "学校创办于1958年。　 \t", " \u{00A0}a b\u{2003}", "\u{3000}\u{2009}",
        "a", "  一、品牌由来  ", "\u{00A0}\u{00A0}", " \u{0301}e ", "\n 行 \n", "𠈌 ", "\u{200B}零宽\u{200B}", "\u{FEFF} x",
    ]

    @Test func trimEqualsFoundationsWhitespaceTrim() {
        for s in Self.samples {
            #expect(Blanks.trim(s) == s.trimmingCharacters(in: .whitespaces), "\(Array(s.unicodeScalars))")
            let sub = ("<" + s + ">").dropFirst().dropLast()
            #expect(Blanks.trim(sub) == sub.trimmingCharacters(in: .whitespaces))
        }
    }

    /// Every scalar Foundation counts as a blank, and no other.
    @Test func blanksAreFoundationsWhitespaces() {
        for v in 0..<0x3100 {
            guard let s = Unicode.Scalar(v) else { continue }
            #expect(Blanks.isBlank(s) == CharacterSet.whitespaces.contains(s), "U+\(String(v, radix: 16))")
        }
    }

    @Test func lineEndsFoldAsFoundationFoldedThem() {
        for s in ["", "a", "a\r\nb", "a\rb", "a\r\r\nb\n\rc\r", "\r\n\r\n", "一\r\n二\r三", "no returns\nat all"] {
            let old = s.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            #expect(Blanks.unixLineEnds(s) == old, "\(Array(s.utf8))")
            let crlfOnly = s.replacingOccurrences(of: "\r\n", with: "\n")
            #expect(Blanks.unixLineEnds(s, keepLoneCR: true) == crlfOnly, "\(Array(s.utf8))")
        }
    }

    @Test func linesCutAsCharacterSplitCut() {
        for s in ["", "\n", "a\n\nb\n", "一\n二\u{0301}\n", "a\r\nb", "a\rb\n", "x\r\r\ny", "\n\u{0301}x"] {
            let old = s.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(Blanks.lines(s) == old, "\(Array(s.utf8))")
        }
    }
}
