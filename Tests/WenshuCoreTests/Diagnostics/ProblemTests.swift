import Testing
@testable import WenshuCore

/// The one problem type: its line, the cutting of older messages into its parts, the closest-name
/// hint and the log that keeps each problem once.
struct ProblemTests {
    @Test func oneLineWithPlaceWordGlossAndHint() {
        let p = Problem(severity: .error, location: WenshuCore.SourceLocation(file: "名单.xlsx", place: "名单!B14"),
                        chinese: "姓名为空", english: "the name is empty", hint: "请填上姓名")
        #expect(p.description == "名单.xlsx:名单!B14: 错误：姓名为空 (error: the name is empty)；请填上姓名")
        let w = Problem(severity: .warning, chinese: "仿宋 用 FandolFang 代替 仿宋_GB2312", english: "")
        #expect(w.description == "注意：仿宋 用 FandolFang 代替 仿宋_GB2312")
    }

    @Test func glossCutsChineseEnglishAndHint() {
        let g = Gloss("找不到字体文件（font file not found）：/x.ttf；请检查 --font 的路径")
        #expect(g.chinese == "找不到字体文件：/x.ttf" && g.english == "font file not found" && g.hint == "请检查 --font 的路径")
        let h = Gloss("无法读取文件，它存在吗？（cannot read the file (does it exist?)）")
        #expect(h.chinese == "无法读取文件，它存在吗？" && h.english == "cannot read the file (does it exist?)" && h.hint == nil)
        // A bracket of Chinese stays Chinese; a message with no Chinese is kept whole, unglossed.
        let k = Gloss("字体（仿宋）缺失 (font missing)")
        #expect(k.chinese == "字体（仿宋）缺失" && k.english == "font missing")
        let e = Gloss("unknown thing (expected a, b)")
        #expect(e.chinese == "unknown thing (expected a, b)" && e.english.isEmpty && e.hint == nil)
    }

    @Test func defaultConversionKeepsThePlace() {
        struct Sample: WenshuError {
            var location: WenshuCore.SourceLocation? { WenshuCore.SourceLocation(file: "a.yaml", line: 3, column: 5) }
            var message: String { "品牌名称为空（brand name is empty）；请填写品牌名称" }
        }
        let p = Sample().problem
        #expect(p.severity == .error && p.location?.line == 3 && p.chinese == "品牌名称为空")
        #expect(p.english == "brand name is empty" && p.hint == "请填写品牌名称")
        #expect(Sample().problems == [p])
    }

    @Test func suggestionFindsTheClosestName() {
        let names = ["application", "certificate", "notice", "plan"]
        #expect(Suggestion.closest(to: "certifcate", among: names) == "certificate")
        #expect(Suggestion.closest(to: "Notise", among: names) == "notice")
        #expect(Suggestion.closest(to: "zzzzzz", among: names) == nil)
        #expect(Suggestion.hint(for: "certifcate", among: names).hasPrefix("您是不是要用 certificate？"))
        #expect(Suggestion.hint(for: "zzzzzz", among: names).hasPrefix("可用：application、certificate"))
        #expect(Suggestion.distance(Array("kitten"), Array("sitting")) == 3)
        #expect(Suggestion.distance(Array("tabel"), Array("table")) == 1, "a swap is one slip")
    }

    @Test func logKeepsEachProblemOnce() {
        let log = ProblemLog()
        let p = Problem(severity: .warning, chinese: "甲", english: "a")
        log.report(p); log.report(p)
        log.report(Problem(severity: .note, chinese: "乙", english: "b"))
        #expect(log.all.map(\.chinese) == ["甲", "乙"])
    }

    @Test func atMovesAProblemToAnotherPlace() {
        let p = Problem(severity: .warning, chinese: "甲", english: "a")
        let here = WenshuCore.SourceLocation(file: "list.csv", line: 4)
        #expect(p.at(here).location == here && p.at(nil).location == nil)
    }
}
