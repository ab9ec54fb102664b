import Foundation
import Testing
@testable import WenshuData

/// Text files (issue 12): UTF-8, GB18030 and UTF-16 with a BOM, and the ways people part paragraphs.
@Suite struct PlainTextReaderTests {
    static let report = "一、品牌由来\n\n学校创办于1958年。\n现有党员38名。\n\n二、主要做法\n"

    @Test func utf8GB18030AndUTF16ReadTheSame() throws {
        let gb = try #require(Self.report.data(using: TextDecoding.gb18030))
        var utf16 = Data([0xFF, 0xFE]); utf16.append(try #require(Self.report.data(using: .utf16LittleEndian)))
        var bom = Data([0xEF, 0xBB, 0xBF]); bom.append(Data(Self.report.utf8))
        let texts = try [Data(Self.report.utf8), gb, utf16, bom].map { try PlainTextReader.read($0, file: "a.txt") }
        #expect(Set(texts).count == 1)
        #expect(texts[0].paragraphs.map(\.text) == ["一、品牌由来", "学校创办于1958年。\n现有党员38名。", "二、主要做法"])
    }

    @Test func withoutBlankLinesEachLineIsAParagraph() throws {
        let text = try PlainTextReader.read(Data("一、品牌由来\r\n学校创办于1958年。\r\n现有党员38名。\r\n".utf8), file: "a.txt")
        #expect(text.paragraphs.count == 3)
    }

    @Test func withIndentedLinesParagraphsStartAtTheIndent() throws {
        let text = try PlainTextReader.read(Data("一、品牌由来\n　　学校创办于1958年，\n现有党员38名。\n　　二〇二一年起……\n".utf8), file: "a.txt")
        #expect(text.paragraphs.map(\.text) == ["一、品牌由来", "学校创办于1958年，\n现有党员38名。", "二〇二一年起……"])
    }

    @Test func anEmptyOrBinaryFileIsExplained() throws {
        #expect(throws: DataError.self) { _ = try PlainTextReader.read(Data("\n \n".utf8), file: "a.txt") }
        #expect(throws: DataError.self) { _ = try PlainTextReader.read(Data([0x50, 0x4B, 0x03, 0x04, 0, 0]), file: "a.txt") }
    }

    /// A .doc given where a text is read (wenshu typeset 报告.doc) is named as the old Word file it is.
    @Test func anOldWordFileIsNamedAsSuch() throws {
        let ole = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 600))
        do { _ = try LongTextFile.read(data: ole, format: "txt", file: "报告.doc"); Issue.record("a .doc was read as text") } catch let e as DataError {
            #expect(e.message.hasPrefix("这是旧版 Word 97–2003 .doc 文件"), "\(e.message)")
        }
    }

    @Test func boldMarksBecomeBoldSpans() {
        let report = ReportText("（一）党员领读。**红烛书屋**由党员轮流值守，**每周三**开放。")
        let p = report.paragraphs[0]
        #expect(p.heading == "（一）党员领读。")
        #expect(p.bodySpans.map(\.text) == ["红烛书屋", "由党员轮流值守，", "每周三", "开放。"])
        #expect(p.bodySpans.map(\.bold) == [true, false, true, false])
        #expect(p.body == "红烛书屋由党员轮流值守，每周三开放。")
    }
}
