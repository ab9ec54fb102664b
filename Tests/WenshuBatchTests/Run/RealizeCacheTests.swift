import Foundation
import Testing
import WenshuCore
import WenshuData
import Wenshu
@testable import WenshuBatch

/// The batch realises a template once for many rows only where that gives exactly what realising
/// each row gives.
@Suite struct RealizeCacheTests {
    func batch(template: String, list: String) throws -> BatchRun {
        var options = BatchOptions(output: .onePDF(NSTemporaryDirectory() + "unused.pdf"))
        options.chunkSize = 8
        return try BatchRun(template: template, list: list, options: options, compiler: sharedCompiler, loader: BatchSupport.loader.loader)
    }

    @Test func theCertificateIsRealisedOnceAndMatchesEveryRow() throws {
        let dir = try BatchSupport.folder("cache")
        let rows = BatchSupport.rows(30) + "\n欧阳娜仁高娃·买买提,“青石桥”实验小学 & 附属幼儿园,优秀党务工作者,2023年1月5日,NO-9999\n"
        let list = try BatchSupport.csv(BatchSupport.header + "\n" + rows, in: dir)
        let run = try batch(template: "certificate", list: list)
        let cache = try #require(run.cache)
        #expect(Set(cache.substitutable) == ["name", "school", "award", "no"])
        #expect(cache.keyColumns == ["date"])
        for e in run.list.entries {
            let record = run.list.record(e)
            let fast = try cache.content(for: record), full = try run.realize(record)
            #expect(String(reflecting: fast) == String(reflecting: full), "row \(e.line)")
        }
    }

    @Test func aColumnInAConditionIsNotSubstituted() throws {
        let dir = try BatchSupport.folder("cache")
        try """
        <template>
          <info title="{{ name }}的证书"/>
          <page name="p" preset="a4-landscape" margin="25mm" page-numbers="none"/>
          <body page="p">
            <p>{{ name }}同志：{{ school }}</p>
            <if test="award == '师德标兵'"><p>特别奖：{{ award }}</p></if>
            <p>{{ date | 中文日期 }}</p>
          </body>
        </template>
        """.write(toFile: dir + "/t.xml", atomically: true, encoding: .utf8)
        try BatchSupport.copyCertificateFields(to: dir + "/t.fields.yaml")
        let list = try BatchSupport.csv(BatchSupport.header + "\n" + BatchSupport.rows(4) + "\n张伟,甲校,师德标兵,2022-12-20,NO-9\n", in: dir)
        let run = try batch(template: dir + "/t.xml", list: list)
        let cache = try #require(run.cache)
        #expect(Set(cache.substitutable) == ["name", "school"])
        #expect(Set(cache.keyColumns) == ["award", "date"])
        for e in run.list.entries {
            let record = run.list.record(e)
            #expect(String(reflecting: try cache.content(for: record)) == String(reflecting: try run.realize(record)))
        }
    }

    /// A run's place is its first column's cell: the first marker's number, found in one pass.
    @Test func firstMarkerOfARun() {
        #expect(RealizeCache.firstMarker(in: "授予QWSMARK3Q同志QWSMARK0Q称号") == 3)
        #expect(RealizeCache.firstMarker(in: "QWSMARKQ QWSMARK12Q") == 12)
        #expect(RealizeCache.firstMarker(in: "荣誉证书") == nil)
        #expect(RealizeCache.firstMarker(in: "QWSMARK7") == nil, "an unclosed marker is no marker")
    }

    @Test func identifiersOfExpressions() {
        #expect(TemplateScan.identifiers(in: "date | 中文日期") == ["date", "中文日期"])
        #expect(TemplateScan.identifiers(in: "award == '师德标兵' and school.name") == ["award", "and", "school"])
        #expect(TemplateScan.identifiers(in: "photos[2].caption") == ["photos"])
        #expect(TemplateScan.expressions(in: "在{{ school }}获{{award}}") == [" school ", "award"])
    }

    @Test func includesTurnTheCacheOff() throws {
        let dir = try BatchSupport.folder("cache")
        try "<fragment><p>附：{{ school }}</p></fragment>".write(toFile: dir + "/part.xml", atomically: true, encoding: .utf8)
        try """
        <template>
          <page name="p" preset="a4-landscape" margin="25mm" page-numbers="none"/>
          <body page="p">
            <p>{{ name }}</p>
            <include src="part.xml"/>
          </body>
        </template>
        """.write(toFile: dir + "/t.xml", atomically: true, encoding: .utf8)
        try BatchSupport.copyCertificateFields(to: dir + "/t.fields.yaml")
        let list = try BatchSupport.csv(BatchSupport.header + "\n" + BatchSupport.rows(3), in: dir)
        let run = try batch(template: dir + "/t.xml", list: list)
        #expect(run.cache == nil)
        let (s, _) = try BatchSupport.runTemplate(dir + "/t.xml", list, output: .onePDF(dir + "/o.pdf"))
        #expect(s.counts.written == 3)
    }
}

extension BatchSupport {
    static func runTemplate(_ template: String, _ list: String, output: BatchOptions.Output) throws -> (BatchSummary, BatchRun) {
        let run = try BatchRun(template: template, list: list, options: BatchOptions(output: output), compiler: sharedCompiler, loader: loader.loader)
        return (try run.run(), run)
    }
}
