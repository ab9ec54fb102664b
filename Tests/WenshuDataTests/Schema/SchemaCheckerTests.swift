import Foundation
import Testing
import WenshuCore
@testable import WenshuData

/// Data read against a template's fields: labels by full path, every problem at once, at the data's
/// own place and under the data's own label.
@Suite struct SchemaCheckerTests {
    /// A schema as a fields.yaml writes it: the programme's application fields and a list of people.
    static let yaml = """
    fields:
      - path: school
        label: 单位名称
        aliases: [学校名称, 学校]
        required: true
      - path: leader
        label: 党组织负责人
      - path: phone
        label: 联系电话
        type: phone
      - path: date
        label: 日期
        type: date
      - path: members
        label: 党员数
        type: whole-number
        min: 1
      - path: brand.name
        label: 品牌名称
        required: true
        max: 16
      - path: brand.introduction
        label: 品牌简介
        type: long-text
        about: 500
      - path: level
        label: 级别
        type: choice
        values: [县, 市, 省, 国家]
      - path: rows
        label: 名单
        type: list
        fields:
          - path: name
            label: 姓名
            required: true
          - path: brand.name
            label: 品牌名称
          - path: date
            label: 日期
            type: date
    """

    static let schema: FieldSchema = {
        do {
            return try SchemaFile.read(try DataLoader.load(data: Data(yaml.utf8), format: "yaml", file: "fields.yaml"), file: "fields.yaml")
        } catch {
            Issue.record("the test schema does not load: \(error)")
            return FieldSchema()
        }
    }()

    func read(_ text: String) throws -> (DataSet, [Problem]) {
        let checker = SchemaChecker(Self.schema)
        let data = checker.normalize(try DataLoader.load(data: Data(text.utf8), format: "yaml", file: "d.yaml"))
        return (data, checker.check(data, fallback: SourceLocation(file: "d.yaml", line: 1, column: 1)))
    }

    @Test func theSchemaFileLoads() {
        #expect(Self.schema.fields.count == 9)
        #expect(Self.schema.field(at: ["rows", "brand", "name"])?.label == "品牌名称")
        #expect(Self.schema.field(at: ["level"])?.values == ["县", "市", "省", "国家"])
    }

    /// A `*` field stands for every key of its record that no other field names (a scoring sheet's
    /// item numbers): the key stays, the labels below it become the schema's keys, and its checks
    /// apply under each key, named by the field's label.
    @Test func aWildcardFieldCoversEveryOtherKey() throws {
        let yaml = """
        fields:
          - path: deductions
            label: 扣分
            type: record
            fields:
              - path: note
                label: 说明
              - path: '*'
                label: 这一项的扣分
                type: list
                fields:
                  - path: points
                    label: 扣分
                    type: whole-number
                  - path: reason
                    label: 原因
                    required: true
        """
        let schema = try SchemaFile.read(try DataLoader.load(data: Data(yaml.utf8), format: "yaml", file: "f.yaml"), file: "f.yaml")
        let checker = SchemaChecker(schema)
        let text = "扣分:\n  说明: 见附表\n  3: [{原因: 未公开承诺, 扣分: 2}]\n  12: [{扣分: 两分}]\n"
        let data = checker.normalize(try DataLoader.load(data: Data(text.utf8), format: "yaml", file: "d.yaml"))
        #expect(data.root["deductions"]?["note"] == .string("见附表"))
        guard case .array(let three)? = data.root["deductions"]?["3"] else { Issue.record("item 3 lost"); return }
        #expect(three.first?["reason"] == .string("未公开承诺"))
        #expect(three.first?["points"] == .number(2))
        let problems = checker.check(data)
        #expect(problems.count == 2, "\(problems)")
        #expect(problems.contains { $0.chinese == "第1项缺少“原因”" && $0.location?.line == 4 })
        #expect(problems.contains { $0.chinese.hasPrefix("扣分应为整数") && $0.location?.line == 4 })
        #expect(schema.fields.first?.fields.last?.names == [], "a wildcard is never matched by name")
    }

    /// 品牌名称 and 姓名 both became `name` (the last key): a list with both columns lost the brand name.
    @Test func brandNameAndPersonNameStayApartInAList() throws {
        let (data, problems) = try read("单位名称: 青石桥\n品牌名称: 红烛\n名单:\n  - {姓名: 林秀芳, 品牌名称: 书香}\n")
        guard case .array(let rows)? = data.root["rows"] else { Issue.record("no rows"); return }
        #expect(rows.first?["name"] == .string("林秀芳"))
        #expect(rows.first?["brand"]?["name"] == .string("书香"))
        #expect(data.root["brand"]?["name"] == .string("红烛"))
        #expect(problems.isEmpty, "\(problems)")
    }

    /// An empty 姓名 was reported as “品牌名称为空”.
    @Test func anEmptyNameIsReportedAsTheName() throws {
        let (_, problems) = try read("单位名称: 青石桥\n品牌名称: 红烛\n名单:\n  - {姓名: '', 品牌名称: 书香}\n")
        #expect(problems.count == 1)
        #expect(problems.first?.chinese == "第1项缺少“姓名”")
        #expect(problems.first?.english == "missing field rows[0].name")
        #expect(problems.first?.location?.line == 4)
    }

    /// A missing field stopped the build at the first one and named the template: now every
    /// missing field is listed, at the data's place.
    @Test func everyMissingFieldAtOnce() throws {
        let (_, problems) = try read("党组织负责人: 陈明远\n")
        #expect(problems.map(\.chinese) == ["缺少“单位名称”", "缺少“品牌名称”"])
        #expect(problems.allSatisfy { $0.location?.file == "d.yaml" && $0.severity == .error })
        #expect(problems.last?.english == "missing field brand.name")
        #expect(problems.last?.hint?.hasPrefix("请在数据中填写“品牌名称”") == true)
    }

    /// The message names the field as the data does (an alias), at its line.
    @Test func badValuesUseTheDatasOwnLabel() throws {
        let (_, problems) = try read("学校: 青石桥\n品牌名称: 红烛领航书香润心党建品牌创建示范工程\n联系电话: 12345\n日期: 2023-02-30\n党员数: 0\n级别: 区\n")
        #expect(problems.contains { $0.chinese.hasPrefix("品牌名称超过16字") && $0.location?.line == 2 })
        #expect(problems.contains { $0.chinese.contains("不像电话号码") && $0.location?.line == 3 })
        #expect(problems.contains { $0.chinese.contains("不是有效日期") && $0.location?.line == 4 })
        #expect(problems.contains { $0.chinese.hasPrefix("党员数应为正整数") && $0.location?.line == 5 })
        #expect(problems.contains { $0.chinese.hasPrefix("级别“区”不是可选的值") && $0.hint == "可选：县、市、省、国家" })
        #expect(problems.count == 5)
    }

    @Test func aboutIsAWarningPastTwentyPercent() throws {
        let (_, problems) = try read("单位名称: 甲\n品牌名称: 乙\n品牌简介: \(String(repeating: "字", count: 601))\n")
        #expect(problems.count == 1 && problems.first?.severity == .warning)
        let (_, fine) = try read("单位名称: 甲\n品牌名称: 乙\n品牌简介: \(String(repeating: "字", count: 600))\n")
        #expect(fine.isEmpty)
    }

    /// Defect 12 of the old validator, kept: a group of keys where text belongs is an error.
    @Test(arguments: ["school", "leader", "phone", "date"])
    func groupOfKeysWhereTextBelongsIsAnError(key: String) throws {
        let (_, problems) = try read("单位名称: 甲\n品牌名称: 乙\n\(key):\n  name: 青石桥\n")
        let bad = problems.filter { $0.chinese.hasSuffix("应为文字，这里是一组键值") }
        #expect(bad.count == 1)
        // At the group's place: its first key's line.
        #expect(bad.first?.location?.line == 4)
    }

    /// A label is only known where the schema declares it: 姓名 at the top level stays 姓名.
    @Test func labelsAreMatchedByFullPathOnly() throws {
        let (data, _) = try read("单位名称: 甲\n品牌名称: 乙\n姓名: 丙\n")
        #expect(data.root["姓名"] == .string("丙"))
        #expect(data.root["name"] == nil)
    }

    /// With no schema nothing is renamed (a user's own template gets only what it declares).
    @Test func noSchemaNoRenaming() throws {
        let checker = SchemaChecker(FieldSchema())
        let data = checker.normalize(try DataLoader.load(data: Data("品牌名称: 红烛\n".utf8), format: "yaml", file: "d.yaml"))
        #expect(data.root["品牌名称"] == .string("红烛"))
        #expect(checker.check(data).isEmpty)
    }

    @Test func aBadSchemaFileNamesItsLineAndTheAllowedWords() throws {
        let text = "fields:\n  - path: a\n    label: 甲\n    type: colour\n"
        do {
            _ = try SchemaFile.read(try DataLoader.load(data: Data(text.utf8), format: "yaml", file: "f.yaml"), file: "f.yaml")
            Issue.record("type: colour was accepted")
        } catch let e as DataError {
            #expect(e.location?.line == 4)
            #expect(e.message.contains("long-text"))
        }
    }

    @Test func aSchemaNamesItsDocumentAndAChildMayRenameIt() throws {
        func read(_ text: String) throws -> FieldSchema {
            try SchemaFile.read(try DataLoader.load(data: Data(text.utf8), format: "yaml", file: "f.yaml"), file: "f.yaml")
        }
        let parent = try read("document: 申报书\nfields:\n  - path: a\n    label: 甲\n")
        #expect(parent.document == "申报书")
        #expect(parent.extended(by: FieldSchema()).document == "申报书")
        #expect(parent.extended(by: try read("document: 申报表\n")).document == "申报表")
        #expect(throws: DataError.self) { try read("document: a/b\n") }  // it names files
    }

    @Test func aChildSchemaReplacesFieldsByPath() {
        var f = FieldSchema.Field(path: ["school"], label: "学校")
        f.required = false
        let merged = Self.schema.extended(by: FieldSchema(fields: [f]))
        #expect(merged.field(at: ["school"])?.required == false)
        #expect(merged.fields.count == Self.schema.fields.count)
    }
}
