import Foundation
import Testing

/// `wenshu fields`, `check --template`, the fields' labels in `build`, and placeholders.
@Suite struct FieldsCLITests {
    let cli = CLITests()
    static let root = BuildCLITests.root

    static let shipped: [String] = {
        let dir = root + "/templates"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: "\(dir)/\($0)/template.xml") }.sorted()
    }()

    @Test func everyShippedTemplateIsCovered() {
        #expect(Self.shipped.count >= 10)
    }

    /// Every shipped template declares its fields, and `fields` prints them, Chinese label first.
    @Test(arguments: shipped)
    func fieldsTable(template: String) throws {
        let r = try cli.wenshu(["fields", template])
        #expect(r.status == 0, "\(r.err)")
        let lines = r.out.split(separator: "\n").map(String.init)
        #expect(lines.first == "模板 \(template) 的字段 (fields of template \(template)):")
        #expect(lines.dropFirst().first?.hasPrefix("标签 label") == true)
        #expect(lines.count > 3)
        let json = try cli.wenshu(["fields", template, "--json"])
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
        let fields = object?["fields"] as? [[String: Any]]
        #expect(fields?.isEmpty == false)
        #expect(fields?.allSatisfy { $0["label"] is String && $0["path"] is String && $0["type"] is String } == true)
    }

    @Test func theApplicationDeclaresTheBureausLimits() throws {
        let r = try cli.wenshu(["fields", "application"])
        let line = r.out.split(separator: "\n").first { $0.hasPrefix("品牌名称") }
        #expect(line?.contains("brand.name") == true && line?.contains("≤16字") == true && line?.contains("必填") == true)
        #expect(r.out.contains("约2000字"))
        #expect(r.out.contains("city") && r.out.contains("清河市"))
    }

    @Test func aTemplateWithoutFieldsSaysSo() throws {
        let dir = try cli.folder()
        try "<template><body><p>{{ 品牌名称 }}</p></body></template>".write(toFile: dir + "/t.xml", atomically: true, encoding: .utf8)
        let r = try cli.wenshu(["fields", dir + "/t.xml"])
        #expect(r.status == 0)
        #expect(r.out.hasPrefix("模板 \(dir)/t.xml 没有声明字段"))
    }

    /// A user's own template gets no renaming and no limits: 品牌名称 stays 品牌名称, 40 characters pass.
    /// `wenshu workbook`: the fill-in workbook of each one-document template builds as it is with
    /// its examples, and left blank names every required field at its cell (issue 12 item 3).
    @Test(arguments: ["application", "notice", "plan", "certificate", "official", "scoring"])
    func fillInWorkbookRoundTrip(template: String) throws {
        let dir = try cli.folder()
        let made = try cli.wenshu(["workbook", template, "-o", dir + "/填写.xlsx", "--example"])
        #expect(made.status == 0, "\(made.err)")
        let built = try cli.wenshu(["build", template, dir + "/填写.xlsx", "-o", dir + "/o.pdf"])
        #expect(built.status == 0 && FileManager.default.fileExists(atPath: dir + "/o.pdf"), "\(built.err)")
    }

    @Test func aBlankWorkbookNamesTheCellsToFill() throws {
        let dir = try cli.folder()
        _ = try cli.wenshu(["workbook", "application", "-o", dir + "/空白.xlsx"])
        let r = try cli.wenshu(["check", dir + "/空白.xlsx", "--template", "application"])
        #expect(r.status == 1)
        #expect((r.out + r.err).contains("空白.xlsx:基本信息!B2: 错误：缺少“单位名称”"), "\(r.out)")
        let bad = try cli.wenshu(["workbook", "application", "-o", dir + "/x.csv"])
        #expect(bad.status == 2)
    }

    @Test func aUsersTemplateGetsNoProgrammeRules() throws {
        let dir = try cli.folder()
        try "<template><body><p>{{ 品牌名称 }}</p></body></template>".write(toFile: dir + "/t.xml", atomically: true, encoding: .utf8)
        try "品牌名称: \(String(repeating: "长", count: 40))\n".write(toFile: dir + "/d.yaml", atomically: true, encoding: .utf8)
        let r = try cli.wenshu(["build", dir + "/t.xml", dir + "/d.yaml", "-o", dir + "/o.pdf"])
        #expect(r.status == 0, "\(r.err)")
    }

    /// Every missing field at once, at the data's place, under the form's label.
    @Test func checkListsEveryMissingField() throws {
        let dir = try cli.folder()
        try "党员数: 36\n".write(toFile: dir + "/d.yaml", atomically: true, encoding: .utf8)
        let r = try cli.wenshu(["check", dir + "/d.yaml", "--template", "application-form", "--allow-placeholders"])
        #expect(r.status == 1)
        let lines = r.out.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("\(dir)/d.yaml:1:1: 错误：缺少“单位名称” (error: missing field school)；请在数据中填写“单位名称”") })
        #expect(lines.contains { $0.contains("缺少“党组织名称”") })
        #expect(lines.contains { $0.contains("缺少“品牌名称” (error: missing field brand.name)") })
        let b = try cli.wenshu(["build", "application-form", dir + "/d.yaml", "-o", dir + "/o.pdf", "--allow-placeholders"])
        #expect(b.status == 1)
        #expect(b.err.contains("缺少“单位名称”") && b.err.contains("缺少“品牌名称”"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/o.pdf"))
    }

    /// A placeholder parameter (清河市) about to print is an error unless --allow-placeholders.
    @Test func placeholdersAreRefused() throws {
        let dir = try cli.folder()
        let data = try String(contentsOfFile: Self.root + "/samples/application/form.yaml", encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("city:") }.joined(separator: "\n")
        try data.write(toFile: dir + "/d.yaml", atomically: true, encoding: .utf8)
        let r = try cli.wenshu(["build", "application-form", dir + "/d.yaml", "-o", dir + "/o.pdf"])
        #expect(r.status == 1)
        #expect(r.err.contains("模板参数“城市”仍是占位的“清河市”"))
        #expect(r.err.contains("--allow-placeholders"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/o.pdf"))
        let c = try cli.wenshu(["check", dir + "/d.yaml", "--template", "application-form"])
        #expect(c.status == 1 && c.out.contains("仍是占位的“清河市”"))
        let ok = try cli.wenshu(["build", "application-form", dir + "/d.yaml", "-o", dir + "/o.pdf", "--allow-placeholders"])
        #expect(ok.status == 0, "\(ok.err)")
    }

    /// A batch of certificates would print the stand-in issuer 中共某市委教育工作委员会 on every one.
    @Test func batchRefusesThePlaceholderIssuer() throws {
        let dir = try cli.folder()
        try "姓名,学校,荣誉称号,日期,证书编号\n林秀芳,青石桥实验小学,优秀党务工作者,2023-12-20,X-1\n".write(toFile: dir + "/l.csv", atomically: true, encoding: .utf8)
        let r = try cli.wenshu(["batch", "certificate", dir + "/l.csv", "-o", dir + "/c.pdf"])
        #expect(r.status == 1)
        #expect(r.err.contains("仍是占位的“中共某市委教育工作委员会”"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/c.pdf"))
        let ok = try cli.wenshu(["batch", "certificate", dir + "/l.csv", "-o", dir + "/c.pdf", "--allow-placeholders"])
        #expect(ok.status == 0, "\(ok.err)")
    }

    /// A list checked against a one-document template: each row is a document, and its problems
    /// name the row's cells (as `batch` reads it).
    @Test func aListIsCheckedRowByRowAtItsCells() throws {
        let dir = try cli.folder()
        try "姓名,学校,荣誉称号,日期,证书编号\n林秀芳,青石桥,优秀党务工作者,2023-12-20,X-1\n王芳,青石桥,,2023-02-30,X-2\n"
            .write(toFile: dir + "/l.csv", atomically: true, encoding: .utf8)
        let r = try cli.wenshu(["check", dir + "/l.csv", "--template", "certificate", "--allow-placeholders"])
        #expect(r.status == 1)
        let lines = r.out.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("\(dir)/l.csv:3:3: 错误：缺少“荣誉称号”") })
        #expect(lines.contains { $0.hasPrefix("\(dir)/l.csv:3:4: 错误：日期“2023-02-30”不是有效日期") })
        #expect(lines.last == "2 个错误，0 个提醒 (2 errors, 0 warnings)")
    }

    /// A template that extends another inherits its fields: a bureau's notice in its own folder
    /// still reads 发文机关 as issuer, and its own issuer replaces the placeholder.
    @Test func anExtendingTemplateInheritsItsParentsFields() throws {
        let folded = try cli.wenshu(["fields", "certificate-folded"])
        #expect(folded.out.contains("姓名") && folded.out.contains("中共某市委教育工作委员会"))
        let dir = try cli.folder()
        try "<template extends=\"notice\"><param name=\"issuer\" value=\"中共北关区教育局党组\"/></template>"
            .write(toFile: dir + "/bureau.xml", atomically: true, encoding: .utf8)
        try "标题: 关于开展评选的通知\n正文: 各校：请按时申报。\n成文日期: 2023-03-06\n"
            .write(toFile: dir + "/d.yaml", atomically: true, encoding: .utf8)
        let r = try cli.wenshu(["check", dir + "/d.yaml", "--template", dir + "/bureau.xml"])
        #expect(r.status == 1)
        #expect(r.out.contains("缺少“发文机关”"))
        #expect(!r.out.contains("占位"))
        #expect(!r.out.contains("缺少“标题”") && !r.out.contains("缺少“成文日期”"))
    }

    /// A school of a compilation missing its name is named by its own file.
    @Test func aBookNamesTheSchoolFileMissingAField() throws {
        let dir = try cli.folder()
        try FileManager.default.createDirectory(atPath: dir + "/book", withIntermediateDirectories: true)
        try "title: 汇编\n".write(toFile: dir + "/book/book.yaml", atomically: true, encoding: .utf8)
        try "党组织名称: 中共甲校支部委员会\n品牌名称: 红烛\n".write(toFile: dir + "/book/01-a.yaml", atomically: true, encoding: .utf8)
        let r = try cli.wenshu(["check", dir + "/book", "--template", "compilation"])
        #expect(r.status == 1)
        #expect(r.out.contains("\(dir)/book/01-a.yaml:1:1: 错误：第1项缺少“单位名称” (error: missing field schools[0].school)"), "\(r.out)")
    }

    /// The documented label 扣分 was ignored by the scoring sheet (a total of 93 printed instead of
    /// 88): the sample's deductions under 扣分 now give the same sheet as under `deductions` (75), and
    /// not the sheet without them.
    @Test func deductionsUnderTheirChineseLabelCount() throws {
        let dir = try cli.folder()
        let sample = try String(contentsOfFile: Self.root + "/samples/scoring/data.yaml", encoding: .utf8)
        func trace(_ name: String, _ text: String) throws -> String {
            try text.write(toFile: "\(dir)/\(name).yaml", atomically: true, encoding: .utf8)
            let r = try cli.wenshu(["build", "scoring", "\(dir)/\(name).yaml", "-o", "\(dir)/\(name).pdf", "--trace", "\(dir)/\(name).txt"])
            #expect(r.status == 0, "\(r.err)")
            return try String(contentsOfFile: "\(dir)/\(name).txt", encoding: .utf8)
        }
        let english = try trace("en", sample)
        let chinese = try trace("zh", sample.replacingOccurrences(of: "\ndeductions:", with: "\n扣分:"))
        let none = try trace("none", sample.replacingOccurrences(of: "\ndeductions:", with: "\nunused:"))
        #expect(chinese.contains("|75|"))
        #expect(chinese == english)
        #expect(chinese != none)
    }
}
