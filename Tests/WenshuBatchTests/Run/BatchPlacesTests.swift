import Foundation
import Testing
import WenshuCore
import WenshuData
import Wenshu
@testable import WenshuBatch

/// The place of a list's cell travels with its value through layout into the glyph runs, so what
/// goes wrong with the text names the cell a clerk must change.
@Suite struct BatchPlacesTests {
    static let longName = String(repeating: "欧阳娜仁高娃", count: 10)

    func sheet(in dir: String) throws -> String {
        let path = dir + "/名单.xlsx"
        try SheetFixture(rows: [
            1: [.text("姓名"), .text("学校"), .text("奖项"), .text("日期"), .text("证书编号")],
            2: [.text("王芳"), .text("青石桥实验小学"), .text("优秀共产党员"), .text("2022-12-20"), .text("NO-1")],
            3: [.text(Self.longName), .text("青石桥实验小学"), .text("优秀共产党员"), .text("2022-12-20"), .text("NO-2")],
        ]).write(to: path)
        return path
    }

    /// A name too long for the certificate's line (it wraps at the smallest size) is a warning at
    /// its cell, 名单!A3, not at the template.
    @Test func anOverflowingNameNamesItsCell() throws {
        let dir = try BatchSupport.folder()
        let path = try sheet(in: dir)
        let (s, _) = try BatchSupport.run(path, output: .onePDF(dir + "/c.pdf"))
        #expect(s.counts.written == 2)
        let cell = WenshuCore.SourceLocation(file: path, place: "名单!A3")
        let note = try #require(s.notes.first { $0.location == cell }, "\(s.notes)")
        #expect(note.severity == .warning && note.chinese.contains("已折行") && note.chinese.contains(Self.longName))
        #expect(note.description.hasPrefix("\(path):名单!A3: 注意：“"))
        #expect(!s.notes.contains { $0.location == WenshuCore.SourceLocation(file: path, place: "名单!A2") })
    }

    /// The glyph runs of the name carry its cell, those of the template's own text carry none.
    @Test func glyphRunsCarryTheirCell() throws {
        let dir = try BatchSupport.folder()
        let path = try sheet(in: dir)
        let run = try BatchRun(template: "certificate", list: path, options: BatchOptions(output: .onePDF(dir + "/c.pdf")),
                               compiler: sharedCompiler, loader: BatchSupport.loader.loader)
        let entry = try #require(run.list.entries.first { run.list.record($0)["name"]?.description == "王芳" })
        guard case .typeset(let frames, _, _) = run.typeset(run.list.record(entry), places: run.list.locations(of: entry)) else {
            Issue.record("not typeset"); return
        }
        let runs = frames.flatMap(\.runs).map(\.run)
        let name = try #require(runs.first { $0.text.contains("王芳") })
        #expect(name.place == WenshuCore.SourceLocation(file: path, place: "名单!A2"))
        let school = try #require(runs.first { $0.text.contains("青石桥实验小学") })
        #expect(school.place == WenshuCore.SourceLocation(file: path, place: "名单!B2"))
        #expect(runs.contains { $0.place == nil }, "the template's own words have no data place")
    }
}
