import Foundation
import Testing
import WenshuCore
@testable import WenshuData

@Suite struct CSVLoaderTests {
    @Test func rowsAreObjectsKeyedByTheHeader() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let csv = "\u{FEFF}姓名, 职务 ,入党日期,手机,备注\n张三,书记,2015/7/1,13800000000,\n李四 ,委员,2018年6月30日,0372-5061092,优秀党员\n王五,委员,2022-02-30,007, 2022-05-09 \n"
        let data = try DataLoader.load(folder.write("名单.csv", csv))
        let rows = data.root.loadedRows
        #expect(rows.count == 3)
        guard case .object(let first) = rows[0] else { Issue.record("not an object"); return }
        #expect(first.keys == ["姓名", "职务", "入党日期", "手机", "备注"])
        #expect(rows[0]["入党日期"] == loaderDate(2015, 7, 1))
        #expect(rows[0]["手机"] == .string("13800000000"))
        #expect(rows[0]["备注"] == .string(""))
        #expect(rows[1]["姓名"] == .string("李四"))
        #expect(rows[1]["入党日期"] == loaderDate(2018, 6, 30))
        #expect(rows[1]["手机"] == .string("0372-5061092"))
        // An impossible date stays text, for the validator to point at.
        #expect(rows[2]["入党日期"] == .string("2022-02-30"))
        #expect(rows[2]["手机"] == .string("007"))
        #expect(rows[2]["备注"] == loaderDate(2022, 5, 9))
        #expect(data.valueAt("skippedBlankLines") == .array([]))
    }

    @Test func locationsAreLineAndFieldNumber() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let file = try folder.write("a.csv", "姓名,职务,简历\r\n张三,书记,\"2010年 参加工作\r\n2015年 入党\"\r\n李四,\"委员,宣传\",无\r\n")
        let data = try DataLoader.load(file)
        #expect(data.locationAt("rows", 0) == WenshuCore.SourceLocation(file: file, line: 2, column: 1))
        #expect(data.locationAt("rows", 0, "职务") == WenshuCore.SourceLocation(file: file, line: 2, column: 2))
        #expect(data.valueAt("rows", 0, "简历") == .string("2010年 参加工作\n2015年 入党"))
        // The quoted cell ran over two lines, so the next row starts on line 4.
        #expect(data.locationAt("rows", 1) == WenshuCore.SourceLocation(file: file, line: 4, column: 1))
        #expect(data.locationAt("rows", 1, "简历") == WenshuCore.SourceLocation(file: file, line: 4, column: 3))
        #expect(data.valueAt("rows", 1, "职务") == .string("委员,宣传"))
    }

    @Test func raggedRowIsAnErrorAtItsLine() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let file = try folder.write("a.csv", "姓名,职务,电话,支部,备注\n张三,书记,1,一支部,\n\n李四,委员,2,一支部\n")
        let error = try #require(loaderError { try DataLoader.load(file) })
        #expect(error.message == "row 4 has 4 fields but the header has 5")
        #expect(error.location?.file == file)
        #expect(error.location?.line == 4)
        let long = try folder.write("b.csv", "姓名,职务\n张三,书记,多余\n")
        let error2 = try #require(loaderError { try DataLoader.load(long) })
        #expect(error2.message == "row 2 has 3 fields but the header has 2")
        #expect(error2.location == WenshuCore.SourceLocation(file: long, line: 2, column: 3))
    }

    @Test func blankRowsAreSkippedAndReported() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let file = try folder.write("a.csv", "\n姓名,职务\n张三,书记\n\n , \n李四,委员\n,\n\n")
        let data = try DataLoader.load(file)
        #expect(data.root.loadedRows.count == 2)
        #expect(data.valueAt("rows", 1, "姓名") == .string("李四"))
        #expect(data.locationAt("rows", 1)?.line == 6)
        // Lines 4 and 5 were blank between rows; the blank lines at the end are not gaps.
        #expect(data.valueAt("skippedBlankLines") == .array([.number(4), .number(5)]))
        #expect(data.locationAt("skippedBlankLines", 1)?.line == 5)
    }

    @Test func gbkBytesAreRead() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        // "姓名,职务\n张三,书记\n" as Excel saves it on Chinese Windows (GBK).
        let bytes: [UInt8] = [0xD0, 0xD5, 0xC3, 0xFB, 0x2C, 0xD6, 0xB0, 0xCE, 0xF1, 0x0D, 0x0A,
                              0xD5, 0xC5, 0xC8, 0xFD, 0x2C, 0xCA, 0xE9, 0xBC, 0xC7, 0x0D, 0x0A]
        let data = try DataLoader.load(folder.write("gbk.csv", Data(bytes)))
        #expect(data.valueAt("rows", 0, "姓名") == .string("张三"))
        #expect(data.valueAt("rows", 0, "职务") == .string("书记"))
    }

    @Test func bytesThatAreNoTextAreAnError() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let file = try folder.write("bad.csv", Data([0x41, 0x2C, 0x42, 0x0A, 0x31, 0x2C, 0xFF, 0xFF, 0x0A]))
        let error = try #require(loaderError { try DataLoader.load(file) })
        #expect(error.message.contains("not UTF-8"))
        #expect(error.message.contains("CSV UTF-8"))
        #expect(error.location?.line == 2)
        let zip = try folder.write("book.csv", Data([0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0]))
        #expect(loaderError { try DataLoader.load(zip) }?.message.contains("zip file") == true)
    }

    @Test func headerProblems() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let dup = try folder.write("a.csv", "姓名,职务,姓名\n张三,书记,张三\n")
        let error = try #require(loaderError { try DataLoader.load(dup) })
        #expect(error.message == "the header names '姓名' twice (columns 1 and 3)")
        #expect(error.location == WenshuCore.SourceLocation(file: dup, line: 1, column: 3))
        // A nameless column may stay empty (Excel's trailing commas) ...
        let trailing = try DataLoader.load(folder.write("b.csv", "姓名,职务,\n张三,书记,\n"))
        #expect(trailing.valueAt("rows", 0) == .object(Record([("姓名", .string("张三")), ("职务", .string("书记"))])))
        // ... but not hold values.
        let nameless = try folder.write("c.csv", "姓名,,职务\n张三,x,书记\n")
        let error2 = try #require(loaderError { try DataLoader.load(nameless) })
        #expect(error2.location == WenshuCore.SourceLocation(file: nameless, line: 2, column: 2))
        let empty = try folder.write("d.csv", "\n\n")
        #expect(loaderError { try DataLoader.load(empty) }?.message.contains("empty") == true)
    }

    @Test func quoting() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let data = try DataLoader.load(folder.write("q.csv", "名称,说明\n\"一中\",\"他说\"\"好\"\"\"\n二中,3\"号楼\n"))
        #expect(data.valueAt("rows", 0, "说明") == .string("他说\"好\""))
        #expect(data.valueAt("rows", 1, "说明") == .string("3\"号楼"))
        let open = try folder.write("open.csv", "名称,说明\n一中,\"未完\n二中,好\n")
        let error = try #require(loaderError { try DataLoader.load(open) })
        #expect(error.message.contains("not closed"))
        #expect(error.location?.line == 2)
        let after = try folder.write("after.csv", "名称,说明\n一中,\"好\"啊\n")
        #expect(loaderError { try DataLoader.load(after) }?.message.contains("after the closing quote") == true)
    }

    @Test func tabsAndSemicolonsAsSeparators() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let tabs = try DataLoader.load(folder.write("t.csv", "姓名\t职务\n张三\t书记\n"))
        #expect(tabs.valueAt("rows", 0, "职务") == .string("书记"))
        let semi = try DataLoader.load(folder.write("s.csv", "姓名;职务\n张三;书记\n"))
        #expect(semi.valueAt("rows", 0, "职务") == .string("书记"))
    }

    @Test func dateForms() {
        #expect(DateForms.date("2022-05-09") == DateValue(year: 2022, month: 5, day: 9))
        #expect(DateForms.date("2022/5/9") == DateValue(year: 2022, month: 5, day: 9))
        #expect(DateForms.date("2022年5月9日") == DateValue(year: 2022, month: 5, day: 9))
        #expect(DateForms.date("2022年13月1日") == nil)
        #expect(DateForms.parts("2022年13月1日") != nil)
        for text in ["2022-5/9", "2022年5月9", "22-05-09", "2022-05-09 10:00", "2022.5.9", "2022-05-09-", "二〇二二年五月九日", ""] {
            #expect(DateForms.date(text) == nil, "\(text)")
        }
    }
}
