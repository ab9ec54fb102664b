import Foundation
import WenshuCore

/// A long text (a report, an overview) as a clerk writes it in Word or a text editor: paragraphs,
/// each body text or a heading of level 1–4, with bold spans, and what the reader found but did
/// not take (pictures, tables), reported rather than lost.
public struct LongText: Hashable, Sendable {
    /// A piece of a paragraph in one weight.
    public struct Span: Hashable, Sendable {
        public var text: String
        public var bold: Bool
        public init(_ text: String, bold: Bool = false) { self.text = text; self.bold = bold }
    }

    /// One paragraph.
    public struct Paragraph: Hashable, Sendable {
        /// 1–4 for a heading (by the document's heading style), nil for body text or a heading
        /// known only by its number (一、 （一） 1. （1）, which ReportText reads from the text).
        public var level: Int?
        public var spans: [Span]
        public var text: String { spans.map(\.text).joined() }
        public init(level: Int? = nil, spans: [Span]) { self.level = level; self.spans = spans }
    }

    public var paragraphs: [Paragraph]
    /// What was found and not taken (a picture, a table), as warnings with their place.
    public var notes: [Problem]

    public init(paragraphs: [Paragraph], notes: [Problem] = []) {
        self.paragraphs = paragraphs; self.notes = notes
    }

    /// The text as a data value holds it, the form ReportText reads: paragraphs parted by blank
    /// lines, bold as **…**, and a heading known by its style but not by a number (品牌由来 in
    /// Heading 1) marked # … #### so that it stays a heading.
    public var text: String {
        paragraphs.map { p in
            let body = p.spans.map { $0.bold && !$0.text.trimmingCharacters(in: .whitespaces).isEmpty ? "**\($0.text)**" : $0.text }.joined()
            guard let level = p.level, ReportText.headingLevel(p.text.trimmingCharacters(in: .whitespaces)) == nil else { return body }
            return String(repeating: "#", count: level) + " " + p.text
        }.joined(separator: "\n\n")
    }

    /// The characters the text will print (what the bureau's limits count): no spaces, no line
    /// ends, no bold marks.
    public var printedCount: Int {
        paragraphs.reduce(0) { $0 + $1.text.filter { !$0.isWhitespace }.count }
    }
}
