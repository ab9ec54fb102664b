import Foundation
import Testing
import WenshuCore
import Wenshu
@testable import WenshuBatch

/// Every row is accounted for: read = written + kept + skipped + duplicates, one report line per
/// row with its reason, and nothing dropped silently.
@Suite struct BatchAccountingTests {
    /// A list with the usual faults: blank rows between rows (and at the end), a date that does
    /// not exist, an empty name, a repeated certificate number, a row with a field missing.
    static let messy = """
        姓名,学校,奖项,日期,证书编号
        王芳,青石桥实验小学,优秀共产党员,2022-12-20,NO-001
        ,,,,
        李强,青石桥实验小学,优秀党务工作者,2023-02-30,NO-002
        ,青石桥实验小学,师德标兵,2022-12-20,NO-003
        王芳,青石桥实验小学,优秀共产党员,2022-12-20,NO-001
        张伟,青石桥实验小学,师德标兵,2022-12-20
        赵敏,清河市第二中学,最美读书家庭,2022年12月20日,NO-004

        陈静,清河市第二中学,师德标兵,2022/12/20,NO-005


        """

    @Test func countsReconcileOnAMessyList() throws {
        let dir = try BatchSupport.folder()
        let list = try BatchSupport.csv(Self.messy, in: dir)
        let (s, _) = try BatchSupport.run(list, output: .onePDF(dir + "/out.pdf"))
        let c = s.counts
        #expect(c.read == 9)            // lines 2…10: the trailing blank lines are the end of the file
        #expect(c.written == 3)
        #expect(c.skipped == 5)         // 2 blank rows, the bad date, the empty name, the short row
        #expect(c.duplicates == 1)
        #expect(c.kept == 0)
        #expect(c.reconciles)
        #expect(s.pages == 3)
        #expect(try BatchSupport.pages(dir + "/out.pdf") == 3)

        let report = try BatchSupport.report(s.report)
        #expect(report.count == c.read)
        let byRow = Dictionary(uniqueKeysWithValues: report.map { (Int($0["row"]!)!, $0) })
        #expect(byRow[2]?["status"] == "written" && byRow[2]?["page"] == "1" && byRow[2]?["output"] == "out.pdf")
        #expect(byRow[3]?["status"] == "skipped" && byRow[3]?["reason"]?.contains("blank row") == true)
        #expect(byRow[4]?["status"] == "skipped" && byRow[4]?["reason"]?.contains("2023-02-30") == true)
        #expect(byRow[4]?["reason"]?.contains("not a real date") == true)
        #expect(byRow[5]?["status"] == "skipped" && byRow[5]?["reason"]?.contains("必填项为空：姓名") == true)
        #expect(byRow[6]?["status"] == "duplicate" && byRow[6]?["reason"]?.contains("row 2") == true)
        #expect(byRow[7]?["status"] == "skipped" && byRow[7]?["reason"]?.contains("4 fields") == true)
        #expect(byRow[8]?["status"] == "written" && byRow[8]?["page"] == "2")
        #expect(byRow[9]?["status"] == "skipped")
        #expect(byRow[10]?["status"] == "written" && byRow[10]?["page"] == "3")
        // The row's own values come back in the report, under the list's own labels.
        #expect(byRow[4]?["姓名"] == "李强" && byRow[4]?["日期"] == "2023-02-30")
        // The summary names every row that was not written.
        #expect(s.notes.filter { $0.severity == .warning }.count == c.skipped + c.duplicates)
        #expect(s.required.sorted() == ["award", "date", "name", "no", "school"])
        #expect(s.duplicateKey == "no")
    }

    @Test func perFileCountsMatchTheFolder() throws {
        let dir = try BatchSupport.folder()
        let list = try BatchSupport.csv(Self.messy, in: dir)
        let (s, _) = try BatchSupport.run(list, output: .files(folder: dir + "/out", pattern: nil))
        #expect(s.counts.written == 3 && s.counts.reconciles)
        #expect(BatchSupport.pdfs(dir + "/out") == ["NO-001-王芳.pdf", "NO-004-赵敏.pdf", "NO-005-陈静.pdf"])
        #expect(s.report == dir + "/out.report.csv")
        #expect(BatchSupport.temporaries(dir + "/out").isEmpty)
    }

    @Test func strictStopsBeforeWritingAnything() throws {
        let dir = try BatchSupport.folder()
        let list = try BatchSupport.csv(Self.messy, in: dir)
        #expect {
            _ = try BatchSupport.run(list, output: .onePDF(dir + "/out.pdf")) { $0.strict = true }
        } throws: { error in
            guard case BatchError.strict(let place, let reason) = error else { return false }
            return place == "list.csv:4" && reason.contains("2023-02-30")
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/out.pdf"))
        #expect(BatchSupport.temporaries(dir).isEmpty)
    }

    @Test func duplicatesByAnotherColumn() throws {
        let dir = try BatchSupport.folder()
        let list = try BatchSupport.csv(BatchSupport.header + "\n" + BatchSupport.rows(6), in: dir)
        // Eight names cycle; six rows: no name repeats. Three schools cycle: rows 4…6 repeat 1…3.
        let (s, _) = try BatchSupport.run(list, output: .onePDF(dir + "/o.pdf")) { $0.key = "学校" }
        #expect(s.counts.written == 3 && s.counts.duplicates == 3)
        #expect(s.duplicateKey == "school")
    }

    @Test func unknownKeyOrPatternFieldIsAUsageError() throws {
        let dir = try BatchSupport.folder()
        let list = try BatchSupport.csv(BatchSupport.header + "\n" + BatchSupport.rows(2), in: dir)
        #expect(throws: BatchError.self) {
            _ = try BatchSupport.run(list, output: .onePDF(dir + "/o.pdf")) { $0.key = "电话" }
        }
        #expect(throws: BatchError.self) {
            _ = try BatchSupport.run(list, output: .files(folder: dir + "/f", pattern: try FileNamePattern("{phone}.pdf")))
        }
    }

    @Test func aColumnTheTemplateNeedsIsMissing() throws {
        let dir = try BatchSupport.folder()
        let list = try BatchSupport.csv("姓名,学校,日期,证书编号\n王芳,甲校,2022-12-20,1\n", in: dir)
        #expect {
            _ = try BatchSupport.run(list, output: .onePDF(dir + "/o.pdf"))
        } throws: { error in
            guard case BatchError.list(let m, _) = error else { return false }
            return m.contains("award") && m.contains("证书编号")
        }
    }

    /// The probe takes its values from rows the schema accepts: a bad date on the first row does
    /// not hide which columns are required.
    @Test func aBadFirstRowDoesNotSpoilTheChecks() throws {
        let dir = try BatchSupport.folder()
        let list = try BatchSupport.csv(BatchSupport.header + "\n李强,甲校,师德标兵,2023-02-30,1\n,乙校,师德标兵,2022-12-20,2\n" + BatchSupport.rows(2, from: 3), in: dir)
        let (s, _) = try BatchSupport.run(list, output: .onePDF(dir + "/o.pdf"))
        #expect(s.required.sorted() == ["award", "date", "name", "no", "school"])
        #expect(s.counts.written == 2 && s.counts.skipped == 2)
    }

    @Test func aHeaderWithTwoNamesForOneFieldIsRefused() throws {
        let dir = try BatchSupport.folder()
        let list = try BatchSupport.csv("姓名,name,证书编号\n王芳,王芳,1\n", in: dir)
        #expect(throws: (any Error).self) {
            _ = try BatchSupport.run(list, output: .onePDF(dir + "/o.pdf"))
        }
    }
}

/// Excel lists: dates stored as serials in date-formatted cells, blank rows Excel does not store,
/// places such as 名单!A4 in the report.
@Suite struct BatchSheetTests {
    @Test func xlsxWithDateSerials() throws {
        let dir = try BatchSupport.folder()
        let path = dir + "/名单.xlsx"
        try SheetFixture(rows: [
            1: [.text("姓名"), .text("学校"), .text("奖项"), .text("日期"), .text("证书编号")],
            2: [.text("王芳"), .text("青石桥实验小学"), .text("优秀共产党员"), .date(44915), .text("NO-001")],
            3: [.text("李强"), .text("青石桥实验小学"), .text("师德标兵"), .date(44986), .number(2)],
            // Row 4 is not stored at all: a blank row.
            5: [.text("张伟"), .text("育才中学"), .text("师德标兵"), .text("2023-02-30"), .text("NO-003")],
            6: [.text("刘洋"), .text("育才中学"), .text("师德标兵"), .number(44915), .text("NO-004")],
            7: [.text("陈静"), .text("育才中学"), .text("师德标兵"), .date(44915), .text("NO-001")],
        ]).write(to: path)
        let (s, run) = try BatchSupport.run(path, output: .files(folder: dir + "/out", pattern: try FileNamePattern("{证书编号}.pdf")))
        #expect(run.list.sheet == "名单")
        let c = s.counts
        #expect(c.read == 6 && c.written == 2 && c.skipped == 3 && c.duplicates == 1 && c.reconciles)
        let report = try BatchSupport.report(s.report)
        let byRow = Dictionary(uniqueKeysWithValues: report.map { (Int($0["row"]!)!, $0) })
        // The serials are dates: 44915 is 20 December 2022, and the certificate prints it so.
        #expect(byRow[2]?["日期"] == "2022年12月20日" && byRow[2]?["status"] == "written")
        #expect(byRow[3]?["日期"] == "2023年3月1日" && byRow[3]?["output"] == "2.pdf")
        #expect(byRow[4]?["reason"]?.contains("blank row") == true && byRow[4]?["place"] == "名单!4")
        #expect(byRow[5]?["reason"]?.contains("not a real date") == true)
        // A serial in a cell that is not formatted as a date is a number, not a date.
        #expect(byRow[6]?["status"] == "skipped" && byRow[6]?["reason"]?.contains("must be a date") == true)
        #expect(byRow[7]?["status"] == "duplicate")
        let text = try BatchSupport.tool("pdftotext", [dir + "/out/NO-001.pdf", "-"])
        #expect(text.contains("2022年12月20日"), "\(text)")
        #expect(text.contains("王芳"))
    }

    @Test func aSheetCanBeChosenOnlyInAWorkbook() throws {
        let dir = try BatchSupport.folder()
        let list = try BatchSupport.csv(BatchSupport.header + "\n" + BatchSupport.rows(1), in: dir)
        #expect(throws: (any Error).self) {
            _ = try BatchSupport.run(list, output: .onePDF(dir + "/o.pdf")) { $0.sheet = "名单" }
        }
    }
}
