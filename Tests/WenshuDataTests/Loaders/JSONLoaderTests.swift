import Foundation
import Testing
import WenshuCore
@testable import WenshuData

@Suite struct JSONLoaderTests {
    let sample = """
        {
          "单位名称": "郑州市第一中学",
          "手机": 13800000000,
          "电话": "0372-5061092",
          "比例": 0.85,
          "成立日期": "2022-05-09",
          "换届日期": "2022年5月9日",
          "先进": false,
          "备注": null,
          "成员": [
            {"姓名": "张三", "职务": "书记"},
            {"姓名": "李四", "职务": "委员"}
          ]
        }

        """

    @Test func valuesAndTypes() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let data = try DataLoader.load(folder.write("school.json", sample))
        #expect(data.valueAt("单位名称") == .string("郑州市第一中学"))
        // JSON numbers stay numbers; phones that should be text are written in quotes.
        #expect(data.valueAt("手机") == .number(13_800_000_000))
        #expect(data.valueAt("电话") == .string("0372-5061092"))
        #expect(data.valueAt("比例") == .number(0.85))
        #expect(data.valueAt("成立日期") == loaderDate(2022, 5, 9))
        #expect(data.valueAt("换届日期") == loaderDate(2022, 5, 9))
        #expect(data.valueAt("先进") == .bool(false))
        #expect(data.valueAt("备注") == .null)
        #expect(data.valueAt("成员", 1, "姓名") == .string("李四"))
    }

    @Test func locations() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let file = try folder.write("school.json", sample)
        let data = try DataLoader.load(file)
        #expect(data.locationAt() == WenshuCore.SourceLocation(file: file, line: 1, column: 1))
        #expect(data.locationAt("单位名称") == WenshuCore.SourceLocation(file: file, line: 2, column: 11))
        #expect(data.locationAt("成员", 1) == WenshuCore.SourceLocation(file: file, line: 12, column: 5))
        #expect(data.locationAt("成员", 1, "职务") == WenshuCore.SourceLocation(file: file, line: 12, column: 24))
    }

    @Test func arraysAtTheTopAndCompactJSON() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let data = try DataLoader.load(folder.write("list.json", "\n  [{\"a\":1,\"b\":\"x\\/y\\u4e00\"},\t2e3, -0.5]"))
        #expect(data.root == .array([.object(Record([("a", .number(1)), ("b", .string("x/y一"))])), .number(2000), .number(-0.5)]))
    }

    @Test func yamlIsNotJSON() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let file = try folder.write("x.json", "\n  名称: 一中\n")
        let error = try #require(loaderError { try DataLoader.load(file) })
        #expect(error.message == "expected a JSON object or array (a '{' or '[')")
        #expect(error.location == WenshuCore.SourceLocation(file: file, line: 2, column: 3))
    }

    @Test func jsonRulesAreKept() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let single = try folder.write("a.json", "{\"名称\": '一中'}")
        #expect(loaderError { try DataLoader.load(single) }?.message.contains("double quotes") == true)
        let bare = try folder.write("b.json", "{\"名称\": 一中}")
        let error = try #require(loaderError { try DataLoader.load(bare) })
        #expect(error.message.contains("text must be in double quotes"))
        #expect(error.location?.column == 8)
        let key = try folder.write("c.json", "{名称: \"一中\"}")
        #expect(loaderError { try DataLoader.load(key) }?.message.contains("key in double quotes") == true)
        let dup = try folder.write("d.json", "{\"a\": 1,\n \"a\": 2}")
        #expect(loaderError { try DataLoader.load(dup) }?.location?.line == 2)
    }

    @Test func syntaxErrorNamesLineAndColumn() throws {
        let folder = try LoaderFolder(); defer { folder.remove() }
        let file = try folder.write("bad.json", "{\n  \"a\": 1,\n  \"b\": [1, 2\n}\n")
        let error = try #require(loaderError { try DataLoader.load(file) })
        #expect(error.message.hasPrefix("JSON syntax:"))
        #expect(error.location?.file == file)
        #expect(error.location?.line == 4)
        #expect(error.location?.column == 1)
    }
}
