import Foundation
import Testing
@testable import WenshuData

/// A long text named on the command line or in a cell (issue 12).
@Suite struct LongTextFileTests {
    @Test(arguments: ["见 创建报告.docx", "见《创建报告.docx》", "详见：创建报告.docx", "创建报告.docx", "report.TXT"])
    func referencesAreRecognised(value: String) {
        #expect(LongTextFile.reference(in: value) != nil)
    }

    @Test(arguments: ["见附件", "报告见 a.docx 和 b.docx\n第二行", "seal.png", "创建报告"])
    func otherValuesAreNotReferences(value: String) {
        #expect(LongTextFile.reference(in: value) == nil)
    }

    @Test func aDataFileNamedAfterAFieldFillsIt() throws {
        let dir = NSTemporaryDirectory() + "wenshu-lt-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "一、品牌由来\n\n学校创办于1958年。\n".write(toFile: dir + "/创建报告.txt", atomically: true, encoding: .utf8)
        let set = try DataLoader.load(dir + "/创建报告.txt")
        #expect(set.root["创建报告"]?.description.hasPrefix("一、品牌由来") == true)
        // In a cell, the reference is replaced by the text; a missing file is an error at the cell.
        try "school: 青石桥小学\nreport: 见 创建报告.txt\nother: 见 没有.docx\n".write(toFile: dir + "/d.yaml", atomically: true, encoding: .utf8)
        let data = try DataLoader.load(dir + "/d.yaml")
        do {
            _ = try LongTextFile.resolveReferences(data, folder: dir)
            Issue.record("a missing referenced file was accepted")
        } catch let e as DataError {
            #expect(e.message.hasPrefix("找不到“没有.docx”"))
            #expect(e.location?.line == 3)
        }
        try "school: 青石桥小学\nreport: 见 创建报告.txt\n".write(toFile: dir + "/d.yaml", atomically: true, encoding: .utf8)
        let resolved = try LongTextFile.resolveReferences(try DataLoader.load(dir + "/d.yaml"), folder: dir)
        #expect(resolved.root["report"]?.description.contains("学校创办于1958年") == true)
        try "report: 见 ../x.txt\n".write(toFile: dir + "/e.yaml", atomically: true, encoding: .utf8)
        #expect(throws: DataError.self) { _ = try LongTextFile.resolveReferences(try DataLoader.load(dir + "/e.yaml"), folder: dir) }
    }
}
