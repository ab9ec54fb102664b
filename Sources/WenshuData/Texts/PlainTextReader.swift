import Foundation
import WenshuCore

/// A long text from a .txt file: UTF-8 (with or without a byte-order mark), UTF-16 with a
/// byte-order mark, or GB18030/GBK as Notepad on Chinese Windows saves "ANSI" (`TextDecoding`).
///
/// Paragraphs are parted by blank lines, as ReportText reads them. A text with no blank line at
/// all is split the way its writer meant: where lines are indented (两个全角空格 or spaces, as
/// reports are typed) a paragraph starts at each indented line and at each numbered heading
/// (一、 （一）…); with no indented line, every line is a paragraph (Notepad's one line per
/// paragraph). Line ends may be LF, CRLF or CR.
public enum PlainTextReader {
    public static func read(_ data: Data, file: String) throws -> LongText {
        let raw = try TextDecoding.decode(data, file: file, kind: "文本")
        let text = Blanks.unixLineEnds(raw)
        let blank = { (l: String) in l.allSatisfy(\.isWhitespace) }
        // Blank lines before the first line of text and after the last part nothing.
        var lines = Blanks.lines(text).map(String.init)
        while let last = lines.last, blank(last) { lines.removeLast() }
        while let first = lines.first, blank(first) { lines.removeFirst() }
        var groups: [[String]] = [[]]
        if lines.contains(where: blank) {
            for line in lines {
                if blank(line) { if !(groups.last ?? []).isEmpty { groups.append([]) } } else { groups[groups.count - 1].append(line) }
            }
        } else {
            let indented = { (l: String) in l.first.map { $0 == "　" || $0 == " " || $0 == "\t" } ?? false }
            let splitByIndent = lines.contains(where: indented)
            for line in lines where !blank(line) {
                let starts = !splitByIndent || indented(line) || ReportText.classify(Blanks.trim(line), line: 0).level != nil
                if starts && !(groups.last ?? []).isEmpty { groups.append([]) }
                groups[groups.count - 1].append(line)
            }
        }
        let paragraphs = groups.filter { !$0.isEmpty }.map { group in
            // Lines of one paragraph stay lines: ReportText joins them (a space only between Latin letters).
            LongText.Paragraph(spans: [LongText.Span(group.map { Blanks.trim($0) }.joined(separator: "\n"))])
        }
        guard !paragraphs.isEmpty else {
            throw DataError("文本文件是空的，请写入内容后再用", "the text file is empty", at: SourceLocation(file: file))
        }
        return LongText(paragraphs: paragraphs)
    }
}
