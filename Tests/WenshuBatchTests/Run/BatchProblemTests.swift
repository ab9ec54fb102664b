import Foundation
import Testing
import WenshuCore
@testable import WenshuBatch

/// The batch's errors and row notes as the one Problem type (issue 9 item 3).
@Suite struct BatchProblemTests {
    func expectParts(_ p: Problem, place: WenshuCore.SourceLocation?, chinese: String, english: String,
                     sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(p.severity == .error, sourceLocation: sourceLocation)
        #expect(p.location == place, "\(p)", sourceLocation: sourceLocation)
        #expect(p.chinese.contains(chinese), "\(p)", sourceLocation: sourceLocation)
        #expect(p.english.contains(english), "\(p)", sourceLocation: sourceLocation)
    }

    @Test func batchErrors() {
        let strict = BatchError.strict(place: "list.csv:5", reason: "日期有误（bad date）").problem
        expectParts(strict, place: WenshuCore.SourceLocation(file: "list.csv:5"), chinese: "按 --strict 停止：日期有误", english: "stopped here (--strict): bad date")
        expectParts(BatchError.write("o.pdf", "disk full").problem, place: WenshuCore.SourceLocation(file: "o.pdf"), chinese: "无法写入", english: "disk full")
        let locked = BatchError.locked(output: "o.pdf", lock: "o.pdf.lock").problem
        expectParts(locked, place: WenshuCore.SourceLocation(file: "o.pdf"), chinese: "正在写入", english: "another wenshu batch is writing o.pdf")
        #expect(locked.hint?.contains("-o") == true)
    }

    @Test func batchRowNoteIsAProblemAtTheRow() {
        let row = WenshuCore.SourceLocation(file: "名单.xlsx", place: "名单!A14")
        let p = Problem.row(at: row, .skipped, "“姓名”为空（the name is empty）")
        #expect(p.severity == .warning && p.location == row && p.chinese == "未生成：“姓名”为空" && p.english == "skipped: the name is empty")
    }
}
