import Foundation

/// Text as people type it into a report: blank lines separate paragraphs, and a paragraph that
/// starts with 一、 （一） 1. or （1） is a heading of level 1, 2, 3 or 4 (GB/T 9704-2012 §7.3.3's
/// numbering of 层次). A heading of level 1 or 2 that runs on into text after its first full stop
/// keeps only that first sentence as the heading (the rest is body text in the same paragraph).
public struct ReportText: Sendable {
    /// One paragraph of the text.
    public struct Paragraph: Hashable, Sendable {
        /// 1 for 一、, 2 for （一）, 3 for 1., 4 for （1）; nil for body text.
        public var level: Int?
        /// The heading part (the number and its words), when the paragraph is a heading.
        public var heading: String?
        /// The text after the heading part (all of it for body text).
        public var body: String
        /// The 1-based line of the source where the paragraph starts.
        public var line: Int
        /// The body in pieces of one weight: text between ** and ** is bold (a Word report's bold
        /// runs come as **…**, see `LongText.text`).
        public var bodySpans: [(text: String, bold: Bool)] = []

        public var text: String { (heading ?? "") + body }

        public static func == (a: Paragraph, b: Paragraph) -> Bool {
            a.level == b.level && a.heading == b.heading && a.body == b.body && a.line == b.line
                && a.bodySpans.map(\.text) == b.bodySpans.map(\.text) && a.bodySpans.map(\.bold) == b.bodySpans.map(\.bold)
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(level); hasher.combine(heading); hasher.combine(body); hasher.combine(line)
        }
    }

    public var paragraphs: [Paragraph]

    /// Reads `text`. Lines inside a paragraph are joined (with a space only between Latin letters);
    /// a paragraph opening with # … #### (Markdown, and a Word report's styled headings, see
    /// `LongText.text`) is a heading of that level even without a number, and ** marks bold
    /// (`Paragraph.bodySpans`).
    public init(_ text: String) {
        var paragraphs: [Paragraph] = []
        var current: [String] = []
        var startLine = 1
        var marked: Int?
        func flush() {
            defer { marked = nil }
            guard !current.isEmpty else { return }
            var joined = ""
            for part in current {
                if let l = joined.last, let f = part.first, l.isASCII && l.isLetter && f.isASCII && f.isLetter { joined += " " }
                joined += part
            }
            let spans = ReportText.boldSpans(joined)
            var paragraph = ReportText.classify(spans.map(\.text).joined(), line: startLine)
            if paragraph.level == nil, let marked {
                // A heading by its mark alone (品牌由来 in Word's Heading 1): all of it is the heading.
                paragraph = Paragraph(level: marked, heading: paragraph.body, body: "", line: startLine)
            }
            // The body's spans: what follows the heading's characters.
            var skip = paragraph.heading?.count ?? 0
            for span in spans {
                let take = span.text.dropFirst(min(skip, span.text.count))
                skip = max(0, skip - span.text.count)
                if !take.isEmpty { paragraph.bodySpans.append((String(take), span.bold)) }
            }
            paragraphs.append(paragraph)
            current = []
        }
        let lines = Blanks.lines(Blanks.unixLineEnds(text, keepLoneCR: true))
        for (i, raw) in lines.enumerated() {
            var line = Blanks.trim(raw)
            var hashes = 0
            if line.hasPrefix("#") {
                while line.hasPrefix("#") { line.removeFirst(); hashes += 1 }
                line = Blanks.trim(line)
            }
            if line.isEmpty { flush(); continue }
            if current.isEmpty {
                startLine = i + 1
                if hashes > 0 { marked = min(hashes, 4) }
            }
            current.append(line)
        }
        flush()
        self.paragraphs = paragraphs
    }

    /// The heading numbers, as data: level, then what opens and closes the number and its digits
    /// (一、 （一） 1. （1）, with full-width variants).
    static let headingForms: [(level: Int, open: Set<Character>, digits: Set<Character>, close: Set<Character>)] = [
        (1, [], Set("一二三四五六七八九十百"), ["、"]),
        (2, ["（", "("], Set("一二三四五六七八九十百"), ["）", ")"]),
        (3, [], Set("0123456789０１２３４５６７８９"), [".", "．", "、"]),
        (4, ["（", "("], Set("0123456789０１２３４５６７８９"), ["）", ")"]),
    ]

    /// The heading level `text` opens with, if any.
    static func headingLevel(_ text: String) -> Int? {
        for form in headingForms {
            var i = text.startIndex
            if !form.open.isEmpty {
                guard i < text.endIndex, form.open.contains(text[i]) else { continue }
                i = text.index(after: i)
            }
            let digitsStart = i
            while i < text.endIndex, form.digits.contains(text[i]) { i = text.index(after: i) }
            guard i > digitsStart, i < text.endIndex, form.close.contains(text[i]) else { continue }
            // "3.5万元" is a number, not a heading.
            let next = text.index(after: i)
            if form.level == 3, next < text.endIndex, text[next].isNumber { continue }
            return form.level
        }
        return nil
    }

    /// `text` cut at its ** marks into pieces, every other one bold; an unpaired last ** is dropped
    /// with the rest left plain.
    static func boldSpans(_ text: String) -> [(text: String, bold: Bool)] {
        guard text.utf8.contains(0x2A), text.contains("**") else { return [(text, false)] }
        let parts = text.components(separatedBy: "**")
        let paired = parts.count % 2 == 1
        var out: [(text: String, bold: Bool)] = []
        for (i, part) in parts.enumerated() where !part.isEmpty {
            let bold = i % 2 == 1 && (paired || i < parts.count - 1)
            if let last = out.last, last.bold == bold { out[out.count - 1].text += part } else { out.append((part, bold)) }
        }
        return out
    }

    static func classify(_ text: String, line: Int) -> Paragraph {
        if let level = headingLevel(text) {
            // The heading is the first sentence when more text follows it, else the whole paragraph.
            if let stop = text.firstIndex(where: { "。：:".contains($0) }), text.index(after: stop) < text.endIndex {
                let cut = text.index(after: stop)
                return Paragraph(level: level, heading: String(text[..<cut]), body: String(text[cut...]), line: line)
            }
            return Paragraph(level: level, heading: text, body: "", line: line)
        }
        return Paragraph(level: nil, heading: nil, body: text, line: line)
    }
}
