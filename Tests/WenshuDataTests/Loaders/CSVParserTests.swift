import Foundation
import Testing
import WenshuCore
@testable import WenshuData

/// The one CSV parser (`DataLoader` and the batch's lists read through it).
@Suite struct CSVParserTests {
    @Test func recordsKnowTheirLinesAndCanBeReadAgainFromTheirStart() throws {
        let text = CSVText(text: "a,b\n\"多\n行\",2\n3,4\n", file: "t.csv")
        var parser = CSVParser(text: text)
        var records: [CSVParser.Record] = []
        while let r = try parser.next() { records.append(r) }
        #expect(records.map(\.line) == [1, 2, 4])
        #expect(records[1].fields == ["多\n行", "2"])
        #expect(records[1].fieldLines == [2, 3])
        // From a record's start, the same record again.
        var again = CSVParser(text: text, position: records[2].start, line: records[2].line)
        #expect(try again.next()?.fields == ["3", "4"])
    }

    @Test func textAfterAClosingQuoteIsTheRecordsProblemNotTheEnd() throws {
        var parser = CSVParser(text: CSVText(text: "a,b\n\"x\"y,2\n3,4\n", file: "t.csv"))
        _ = try parser.next()
        let bad = try #require(try parser.next())
        #expect(bad.problem?.location?.line == 2)
        #expect(bad.problem?.english.contains("after the closing quote of field 1") == true)
        #expect(!bad.isBlank)
        #expect(try parser.next()?.fields == ["3", "4"])
    }

    @Test func anUnclosedQuoteIsAnErrorAtItsLine() {
        var parser = CSVParser(text: CSVText(text: "a,b\n1,\"open\n2,3\n", file: "t.csv"))
        #expect(throws: DataError.self) { while try parser.next() != nil {} }
    }

    @Test func theSeparatorIsDetectedOnTheFirstLine() {
        #expect(CSVText(text: "姓名\t职务\n张三\t书记\n", file: "t.csv").delimiter == 0x09)
        #expect(CSVText(text: "姓名;职务\n", file: "t.csv").delimiter == 0x3B)
        #expect(CSVText(text: "\"a;b\",c\n", file: "t.csv").delimiter == 0x2C)
    }

    @Test func aGB18030FileIsDecodedOnce() throws {
        let gbk = try #require("姓名,学校\n张三,一中\n".data(using: String.Encoding(rawValue: 0x8000_0632)))
        let path = NSTemporaryDirectory() + "wenshu-csvparser-\(UUID().uuidString).csv"
        try gbk.write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var parser = CSVParser(text: try CSVText(path: path))
        #expect(try parser.next()?.fields == ["姓名", "学校"])
        #expect(try parser.next()?.fields == ["张三", "一中"])
    }
}
