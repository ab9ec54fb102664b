import Foundation
import Testing
import WenshuCore
@testable import WenshuData

@Suite struct YAMLLoaderTests {
    let sample = """
        单位名称: 郑州市第一中学
        党员人数: 56
        比例: 0.85
        是否先进: true
        备注: ~
        成立日期: 2022-05-09
        换届日期: 2022年5月9日
        电话: 0372-5061092
        手机: 13800000000
        编号: 007
        时间: 14:30
        答复: 是
        英文: yes
        引号日期: "2023-01-01"
        文本日期: !!str 2022-05-09
        不存在的日期: 2022-02-30
        成员:
          - 姓名: 张三
            职务: 书记
          - 姓名: 李四
            职务: 组织委员

        """

    @Test func valuesAndTypes() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let data = try DataLoader.load(folder.write("school.yaml", sample))
        #expect(data.valueAt("单位名称") == .string("郑州市第一中学"))
        #expect(data.valueAt("党员人数") == .number(56))
        #expect(data.valueAt("比例") == .number(0.85))
        #expect(data.valueAt("是否先进") == .bool(true))
        #expect(data.valueAt("备注") == .null)
        #expect(data.valueAt("成立日期") == loaderDate(2022, 5, 9))
        #expect(data.valueAt("换届日期") == loaderDate(2022, 5, 9))
        #expect(data.valueAt("引号日期") == loaderDate(2023, 1, 1))
        #expect(data.valueAt("文本日期") == .string("2022-05-09"))
        #expect(data.valueAt("不存在的日期") == .string("2022-02-30"))
        // The core schema: times, 是 and yes are text.
        #expect(data.valueAt("时间") == .string("14:30"))
        #expect(data.valueAt("答复") == .string("是"))
        #expect(data.valueAt("英文") == .string("yes"))
        #expect(data.valueAt("成员", 1, "职务") == .string("组织委员"))
        // Keys keep their order.
        guard case .object(let record) = data.root else { Issue.record("not an object"); return }
        #expect(record.keys.first == "单位名称")
        #expect(record.keys.last == "成员")
    }

    @Test func phoneAndIDNumbersStayText() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let data = try DataLoader.load(folder.write("p.yml", """
            固话: 0372-5061092
            手机: 13800000000
            区号: 0372
            编号: 007
            身份证: 410102199001011234
            证书: 20230001234
            零: 0
            人数: 1234567890
            负数: -12
            小数: 0.5

            """))
        #expect(data.valueAt("固话") == .string("0372-5061092"))
        #expect(data.valueAt("手机") == .string("13800000000"))
        #expect(data.valueAt("区号") == .string("0372"))
        #expect(data.valueAt("编号") == .string("007"))
        #expect(data.valueAt("身份证") == .string("410102199001011234"))
        #expect(data.valueAt("证书") == .string("20230001234"))
        #expect(data.valueAt("零") == .number(0))
        #expect(data.valueAt("人数") == .number(1_234_567_890))
        #expect(data.valueAt("负数") == .number(-12))
        #expect(data.valueAt("小数") == .number(0.5))
    }

    @Test func everyNodeHasItsLineAndColumn() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let file = try folder.write("school.yaml", sample)
        let data = try DataLoader.load(file)
        #expect(data.locationAt() == WenshuCore.SourceLocation(file: file, line: 1, column: 1))
        // "单位名称: " is 6 characters, so the value starts in column 7.
        #expect(data.locationAt("单位名称") == WenshuCore.SourceLocation(file: file, line: 1, column: 7))
        #expect(data.locationAt("党员人数")?.line == 2)
        #expect(data.locationAt("成员") == WenshuCore.SourceLocation(file: file, line: 18, column: 3))
        #expect(data.locationAt("成员", 0) == WenshuCore.SourceLocation(file: file, line: 18, column: 5))
        #expect(data.locationAt("成员", 1, "职务") == WenshuCore.SourceLocation(file: file, line: 21, column: 9))
        #expect(data.location(of: [.key("成员"), .index(1), .key("职务"), .key("x")])?.line == 21)
    }

    @Test func syntaxErrorNamesLineAndColumn() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let file = try folder.write("bad.yaml", "名称: 一中\n地址: 人民路\n  人数: 5\n")
        let error = try #require(loaderError { try DataLoader.load(file) })
        #expect(error.location?.file == file)
        #expect(error.location?.line == 3)
        #expect(error.location?.column == 5)
        #expect(error.message.hasPrefix("YAML syntax: mapping values are not allowed"))
        #expect(!error.description.contains("\n"))
    }

    @Test func unclosedQuoteNamesWhereItStarted() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let file = try folder.write("bad.yaml", "名称: \"一中\n人数: 5\n")
        let error = try #require(loaderError { try DataLoader.load(file) })
        #expect(error.message.contains("quoted scalar from line 1, column 5"))
        #expect(error.location?.line == 3)
    }

    @Test func fullWidthColonGetsAHint() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let file = try folder.write("bad.yaml", "名称: 一中\n人数：5\n地址: 人民路\n")
        let error = try #require(loaderError { try DataLoader.load(file) })
        #expect(error.message == "YAML syntax: expected ':' and a space after the key on this line; after a key write a half-width ':' and a space, not '：'")
        #expect(error.location == WenshuCore.SourceLocation(file: file, line: 2, column: 1))
    }

    @Test func tabIndentationGetsAHint() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let file = try folder.write("bad.yaml", "学校:\n\t名称: 一中\n")
        let error = try #require(loaderError { try DataLoader.load(file) })
        #expect(error.message.contains("not tabs"))
        #expect(error.location?.line == 2)
    }

    @Test func duplicateKeyIsAnErrorAtTheSecondKey() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let file = try folder.write("dup.yaml", "书记: 张三\n委员:\n  - 李四\n书记: 王五\n")
        let error = try #require(loaderError { try DataLoader.load(file) })
        #expect(error.location == WenshuCore.SourceLocation(file: file, line: 4, column: 1))
        #expect(error.message == "duplicate key '书记' (first at line 1, column 1)")
    }

    @Test func anchorsAliasesAndMergeKeys() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let data = try DataLoader.load(folder.write("a.yaml", """
            默认: &default
              字号: 16
              字体: 仿宋
            正文:
              <<: *default
              字号: 14
            附件: *default

            """))
        #expect(data.valueAt("正文", "字号") == .number(14))
        #expect(data.valueAt("正文", "字体") == .string("仿宋"))
        #expect(data.valueAt("附件", "字体") == .string("仿宋"))
        #expect(data.locationAt("正文", "字体")?.line == 3)
        #expect(data.locationAt("正文", "字号")?.line == 6)
    }

    @Test func mergeKeysNestAndTheFirstSourceWins() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let data = try DataLoader.load(folder.write("m.yaml", """
            基础: &base {字号: 16, 颜色: 黑}
            标题: &title
              <<: *base
              字体: 黑体
            红头: &red {颜色: 红, 字体: 小标宋}
            文头:
              字号: 22
              <<: [*red, *title]

            """))
        #expect(data.valueAt("文头") == .object(Record([
            ("颜色", .string("红")), ("字体", .string("小标宋")), ("字号", .number(22)),
        ])))
        #expect(data.valueAt("标题", "颜色") == .string("黑"))
        #expect(data.locationAt("文头", "颜色")?.line == 5)
        #expect(data.locationAt("文头", "字号")?.line == 7)
    }

    @Test func explicitTags() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let data = try DataLoader.load(folder.write("t.yaml", "a: !!int \"12\"\nb: !!timestamp 2023-01-01T08:00:00\nc: !!str 56\n"))
        #expect(data.valueAt("a") == .number(12))
        #expect(data.valueAt("b") == loaderDate(2023, 1, 1))
        #expect(data.valueAt("c") == .string("56"))
        let bad = try folder.write("u.yaml", "a: !color red\n")
        let error = try #require(loaderError { try DataLoader.load(bad) })
        #expect(error.message.contains("unsupported YAML tag !color"))
        #expect(error.location?.line == 1)
    }

    @Test func emptyFileIsAnEmptyObject() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let data = try DataLoader.load(folder.write("empty.yaml", "# 无数据\n"))
        #expect(data.root == .object(Record()))
    }

    @Test func multilineTextKeepsItsLines() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let data = try DataLoader.load(folder.write("m.yaml", "简介: |\n  第一行\n  第二行\n"))
        #expect(data.valueAt("简介") == .string("第一行\n第二行\n"))
    }

    /// Aliases that repeat aliases would expand to 10^7 values: refused, not a hang.
    @Test func aliasBombIsRefused() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...6 { yaml += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        let file = try folder.write("bomb.yaml", yaml)
        let error = try #require(loaderError { try DataLoader.load(file) })
        #expect(error.message.contains("more than 100000 values"))
    }

    /// libyaml would overflow the stack on this; it is an error instead.
    @Test func deepNestingIsRefused() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let flow = try folder.write("deep.yaml", String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000))
        #expect(loaderError { try DataLoader.load(flow) }?.message.contains("nested") == true)
        let block = try folder.write("deep2.yaml", String(repeating: "- ", count: 50_000) + "x\n")
        #expect(loaderError { try DataLoader.load(block) }?.message.contains("nested") == true)
        // Reasonable nesting is fine.
        let ok = try folder.write("ok.yaml", String(repeating: "[", count: 100) + "1" + String(repeating: "]", count: 100))
        #expect(throws: Never.self) { try DataLoader.load(ok) }
    }

    @Test func gbkEncodedYAMLIsRead() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        // 姓名: 张三 in GBK.
        let bytes: [UInt8] = [0xD0, 0xD5, 0xC3, 0xFB, 0x3A, 0x20, 0xD5, 0xC5, 0xC8, 0xFD, 0x0A]
        let data = try DataLoader.load(folder.write("gbk.yaml", Data(bytes)))
        #expect(data.valueAt("姓名") == .string("张三"))
    }

    @Test func byteOrderMarkIsDropped() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let data = try DataLoader.load(folder.write("bom.yaml", Data([0xEF, 0xBB, 0xBF]) + Data("名称: 一中\n".utf8)))
        #expect(data.valueAt("名称") == .string("一中"))
        #expect(data.locationAt("名称")?.column == 5)
    }
}
