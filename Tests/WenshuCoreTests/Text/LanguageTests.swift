import Testing
@testable import WenshuCore

/// The language messages are written in: chosen from the locale, Chinese with a gloss unless English.
struct LanguageTests {
    @Test func englishOnlyUnderAnEnglishLocale() {
        #expect(Language(environment: ["LANG": "en_US.UTF-8"]) == .english)
        #expect(Language(environment: ["LANG": "en"]) == .english)
        #expect(Language(environment: ["LANG": "zh_CN.UTF-8"]) == .chinese)
        #expect(Language(environment: ["LANG": "C.UTF-8"]) == .chinese)
        #expect(Language(environment: ["LANG": "POSIX"]) == .chinese)
        #expect(Language(environment: [:]) == .chinese)
    }

    @Test func lcAllThenLcMessagesThenLang() {
        #expect(Language(environment: ["LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"]) == .chinese)
        #expect(Language(environment: ["LC_MESSAGES": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"]) == .english)
        #expect(Language(environment: ["LC_ALL": "", "LC_MESSAGES": "", "LANG": "en_US.UTF-8"]) == .english)
    }

    @Test func phraseAndText() {
        #expect(Language.chinese.phrase("生成文档", "build a document") == "生成文档 (build a document)")
        #expect(Language.english.phrase("生成文档", "build a document") == "build a document")
        #expect(Language.english.phrase("青石桥小学", "") == "青石桥小学")
        #expect(Language.chinese.text("一段。", "A paragraph.") == "一段。\nA paragraph.")
        #expect(Language.english.text("一段。", "A paragraph.") == "A paragraph.")
    }

    @Test func problemInEnglishKeepsTheGlossAndTheHintsEnglish() {
        let p = Problem(severity: .error, location: WenshuCore.SourceLocation(file: "名单.xlsx", place: "名单!B14"),
                        chinese: "没有名为 ‘aplication’ 的模板", english: "no template named ‘aplication’",
                        hint: Suggestion.hint(for: "aplication", among: ["application", "notice"]))
        #expect(p.description(in: .chinese) == p.description)
        #expect(p.description(in: .english)
                == "名单.xlsx:名单!B14: error: no template named ‘aplication’; did you mean application?; expected one of: application, notice")
        let plain = Problem(severity: .warning, chinese: "仿宋 用 FandolFang 代替 仿宋_GB2312", english: "", hint: "请安装")
        #expect(plain.description(in: .english) == plain.description)
        let chineseHint = Problem(severity: .note, chinese: "空行", english: "a blank row", hint: "删去即可")
        #expect(chineseHint.description(in: .english) == "note: a blank row; 删去即可")
    }
}
