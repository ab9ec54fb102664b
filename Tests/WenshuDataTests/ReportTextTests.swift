import Testing
@testable import WenshuData

@Suite struct ReportTextTests {
    @Test func blankLinesSeparateParagraphs() {
        let t = ReportText("第一段第一行\n第一段第二行\n\n第二段\n\n\n第三段")
        #expect(t.paragraphs.map(\.text) == ["第一段第一行第一段第二行", "第二段", "第三段"])
        #expect(t.paragraphs.map(\.line) == [1, 4, 7])
    }

    @Test(arguments: [("一、指导思想", 1), ("十二、附则", 12 > 0 ? 1 : 0), ("（一）总体目标", 2), ("(三)具体目标", 2),
                      ("1.建强一支队伍", 3), ("2．建好阵地", 3), ("（1）红色经典诵读", 4)])
    func headingLevels(text: String, level: Int) {
        #expect(ReportText(text).paragraphs[0].level == level)
    }

    @Test func bodyTextIsNoHeading() {
        #expect(ReportText("2023年是关键之年。").paragraphs[0].level == nil)
        #expect(ReportText("3.5万元用于阵地建设。").paragraphs[0].level == nil)
    }

    /// A run-in heading keeps its first sentence as the heading, the rest as body.
    @Test func runInHeading() {
        let p = ReportText("（一）强化政治引领。坚持“三会一课”制度。").paragraphs[0]
        #expect(p.level == 2)
        #expect(p.heading == "（一）强化政治引领。")
        #expect(p.body == "坚持“三会一课”制度。")
    }

    @Test func latinLinesJoinWithASpace() {
        #expect(ReportText("use the\nsoftware").paragraphs[0].text == "use the software")
    }

    @Test func markdownMarksAreDropped() {
        #expect(ReportText("## **二、基本原则**").paragraphs[0].text == "二、基本原则")
    }
}
