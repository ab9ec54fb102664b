import WenshuCore

/// Wenshu's one CSV parser (`DataLoader` and `wenshu batch` both read CSV through it): splits the
/// bytes of a `CSVText` into records, one at a time from any record start (RFC 4180: fields in
/// double quotes may hold the separator, line breaks and "" for a quote; lines end in \n, \r\n or
/// \r; a line break inside a quoted field becomes \n). Every record knows the physical line it
/// and each of its fields start on, also when a quoted cell runs over several lines.
///
/// Budgets (`limits`): fields per record and bytes per field always; records and cells counted
/// from where this parser started. A record with text after a closing quote is returned with its
/// `problem` (a list skips that row; a data file refuses it); a quote never closed is an error.
public struct CSVParser {
    public struct Record: Sendable {
        /// The fields as written: unquoted, not trimmed.
        public var fields: [String]
        /// The line each field starts on.
        public var fieldLines: [Int]
        /// The line the record starts on, and its byte offset.
        public var line: Int
        public var start: Int
        /// Why the record's fields cannot be read as written (text after a closing quote).
        public var problem: Problem?
        public var isBlank: Bool { problem == nil && fields.allSatisfy { $0.trimmedCell.isEmpty } }
    }

    public let text: CSVText
    public private(set) var position: Int
    public private(set) var line: Int
    private let limits: Limits
    private var records = 0, cells = 0

    public init(text: CSVText, position: Int = 0, line: Int = 1, limits: Limits = .standard) {
        self.text = text; self.position = position; self.line = line; self.limits = limits
    }

    private func error(_ chinese: String, _ english: String, line: Int, column: Int? = nil) -> DataError {
        DataError(chinese, english, at: SourceLocation(file: text.file, line: line, column: column))
    }

    /// The next record, or nil at the end of the text.
    public mutating func next() throws -> Record? {
        let s = text.bytes
        guard position < s.count else { return nil }
        if records >= limits.maxRows {
            throw error("表格超过 \(limits.maxRows) 行，请拆分为几个文件",
                        "the table has more than \(limits.maxRows) rows; split it into several files", line: line)
        }
        let delimiter = text.delimiter
        let start = position, startLine = line
        var fields: [String] = []
        var fieldLines: [Int] = []
        var field: [UInt8] = []
        var inQuotes = false, closedQuote = false, hasContent = false
        var quoteLine = line, fieldLine = line
        var problem: Problem?
        var i = position
        func append(_ c: UInt8) throws {
            guard field.count < limits.maxFieldBytes else {
                throw error("第 \(fields.count + 1) 个字段超过 \(Limits.size(limits.maxFieldBytes))（是否少了一个引号？）",
                            "field \(fields.count + 1) is longer than \(Limits.size(limits.maxFieldBytes)) (is a quote missing?)",
                            line: fieldLine, column: fields.count + 1)
            }
            field.append(c)
        }
        func endField() throws {
            if fields.count >= limits.maxColumns {
                throw error("第 \(startLine) 行超过 \(limits.maxColumns) 列，请检查分隔符或拆分表格",
                            "line \(startLine) has more than \(limits.maxColumns) fields; check the separator or split the table", line: startLine)
            }
            cells += 1
            if cells > limits.maxCells {
                throw error("表格超过 \(limits.maxCells) 个单元格，请拆分为几个文件",
                            "the table has more than \(limits.maxCells) cells; split it into several files", line: startLine)
            }
            fields.append(String(decoding: field, as: UTF8.self))
            fieldLines.append(fieldLine)
            field.removeAll(keepingCapacity: true)
            closedQuote = false; hasContent = false
            fieldLine = line
        }
        while i < s.count {
            let c = s[i]
            if inQuotes {
                i += 1
                if c == 0x22 {
                    if i < s.count, s[i] == 0x22 { try append(0x22); i += 1 } else { inQuotes = false; closedQuote = true }
                } else if c == 0x0D {
                    if i < s.count, s[i] == 0x0A { continue }
                    try append(0x0A); line += 1
                } else {
                    try append(c)
                    if c == 0x0A { line += 1 }
                }
                continue
            }
            if c == delimiter {
                i += 1
                try endField()
            } else if c == 0x0A || c == 0x0D {
                i += 1
                if c == 0x0D, i < s.count, s[i] == 0x0A { i += 1 }
                line += 1
                try endField()
                position = i
                records += 1
                return Record(fields: fields, fieldLines: fieldLines, line: startLine, start: start, problem: problem)
            } else if c == 0x22 && !hasContent && !closedQuote {
                // Spaces before the opening quote are dropped with the quote's field.
                field.removeAll(keepingCapacity: true)
                inQuotes = true; hasContent = true; quoteLine = line
                i += 1
            } else {
                if closedQuote {
                    if c != 0x20 && c != 0x09 && problem == nil {
                        let n = fields.count + 1
                        let separator = delimiter == 0x09 ? "\\t" : String(UnicodeScalar(delimiter))
                        problem = Problem(severity: .error, location: SourceLocation(file: text.file, line: line, column: n),
                                          chinese: "第 \(n) 个字段的引号后还有文字",
                                          english: "text after the closing quote of field \(n): expected '\(separator)' or the end of the line")
                    }
                } else {
                    try append(c)
                    if c != 0x20 && c != 0x09 { hasContent = true }
                }
                i += 1
            }
        }
        if inQuotes {
            throw error("第 \(fields.count + 1) 个字段的引号没有闭合（第 \(quoteLine) 行起少了一个 \"）",
                        "a quoted field is not closed (a '\"' is missing; it opens on line \(quoteLine))",
                        line: quoteLine, column: fields.count + 1)
        }
        position = i
        try endField()
        records += 1
        return Record(fields: fields, fieldLines: fieldLines, line: startLine, start: start, problem: problem)
    }
}
