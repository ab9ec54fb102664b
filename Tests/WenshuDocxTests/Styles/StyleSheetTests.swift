import Testing
import WenshuCore
@testable import WenshuDocx

/// Named styles with the template's fonts (as the office names them) and 字号 in half-points.
@Suite struct StyleSheetTests {
    @Test func rolesBecomeOfficeFontsWithEastAsiaNames() {
        let fs = StyleSheet.runProperties(TextStyle(role: .fangsong, size: .pt(16)), over: nil)
        #expect(fs.contains(#"w:eastAsia="仿宋_GB2312""#) && fs.contains(#"<w:sz w:val="32"/>"#))
        let title = StyleSheet.runProperties(TextStyle(role: .xiaobiaosong, size: .pt(22)), over: nil)
        #expect(title.contains(#"w:eastAsia="方正小标宋简体""#) && title.contains(#"<w:sz w:val="44"/>"#))
        #expect(StyleSheet.runProperties(TextStyle(role: .song, size: .pt(10.5)), over: nil).contains(#"<w:sz w:val="21"/>"#))
        #expect(OfficeFonts.names(.hei) == ("黑体", "SimHei"))
        #expect(OfficeFonts.names(.kai).eastAsia == "楷体_GB2312")
    }

    @Test func aRunRepeatsOnlyWhatDiffersFromItsStyle() {
        let base = TextStyle(role: .fangsong, size: .pt(16))
        #expect(StyleSheet.runProperties(base, over: base).isEmpty)
        let hei = StyleSheet.runProperties(TextStyle(role: .hei, size: .pt(16)), over: base)
        #expect(hei.contains("黑体") && !hei.contains("w:sz"))
    }

    @Test func headingsCarryOutlineLevelsAndTheBodyIsBasedOnNormal() {
        let sheet = StyleSheet()
        sheet.style("一级标题", text: TextStyle(role: .hei), paragraph: ParagraphStyle(), keepNext: true)
        sheet.style("二级标题", text: TextStyle(role: .kai), paragraph: ParagraphStyle(), keepNext: true)
        sheet.style("正文", text: TextStyle(), paragraph: ParagraphStyle(), keepNext: false)
        sheet.style("证书标题", text: TextStyle(role: .xiaobiaosong, size: .pt(40)), paragraph: ParagraphStyle(firstLineIndent: 0, alignment: .center), keepNext: false)
        let xml = sheet.xml
        #expect(isWellFormed(xml))
        #expect(xml.contains(#"w:styleId="Heading1""#) && xml.contains(#"<w:name w:val="标题 1"/>"#) && xml.contains(#"<w:outlineLvl w:val="0"/>"#))
        #expect(xml.contains(#"<w:name w:val="标题 2"/>"#) && xml.contains(#"<w:outlineLvl w:val="1"/>"#))
        #expect(xml.contains(#"w:styleId="Normal" w:default="1""#))
        #expect(xml.contains(#"<w:name w:val="正文"/><w:basedOn w:val="Normal"/>"#))
        // A template's own style keeps its name; its first paragraph gives its look.
        #expect(xml.contains(#"<w:name w:val="证书标题"/>"#) && xml.contains(#"<w:sz w:val="80"/>"#) && xml.contains(#"<w:jc w:val="center"/>"#))
        // The first paragraph of a name sets its look once.
        sheet.style("一级标题", text: TextStyle(role: .song), paragraph: ParagraphStyle(), keepNext: true)
        #expect(sheet.styles.first { $0.name == "标题 1" }?.text.role == .hei)
    }
}
