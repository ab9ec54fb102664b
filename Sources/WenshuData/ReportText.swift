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

        public var text: String { (heading ?? "") + body }
    }

    public var paragraphs: [Paragraph]

    /// Reads `text`. Lines inside a paragraph are joined (with a space only between Latin letters);
    /// Markdown marks some sources carry (leading #, **) are removed.
    public init(_ text: String) {
        var paragraphs: [Paragraph] = []
        var current: [String] = []
        var startLine = 1
        func flush() {
            guard !current.isEmpty else { return }
            var joined = ""
            for part in current {
                if let l = joined.last, let f = part.first, l.isASCII && l.isLetter && f.isASCII && f.isLetter { joined += " " }
                joined += part
            }
            paragraphs.append(ReportText.classify(joined, line: startLine))
            current = []
        }
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        for (i, raw) in lines.enumerated() {
            var line = raw.trimmingCharacters(in: .whitespaces)
            while line.hasPrefix("#") { line.removeFirst() }
            line = line.replacingOccurrences(of: "**", with: "").trimmingCharacters(in: .whitespaces)
            if line.isEmpty { flush(); continue }
            if current.isEmpty { startLine = i + 1 }
            current.append(line)
        }
        flush()
        self.paragraphs = paragraphs
    }

    /// The heading patterns, as data: level and the prefix that marks it.
    static let headingPatterns: [(level: Int, pattern: String)] = [
        (1, #"^[一二三四五六七八九十百]+、"#),
        (2, #"^[（(][一二三四五六七八九十百]+[）)]"#),
        (3, #"^[0-9０-９]+[.．、](?![0-9])"#),
        (4, #"^[（(][0-9０-９]+[）)]"#),
    ]

    static func classify(_ text: String, line: Int) -> Paragraph {
        for (level, pattern) in headingPatterns {
            guard let r = text.range(of: pattern, options: .regularExpression) else { continue }
            _ = r
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
