import Foundation
import WenshuCore

/// Reads CSV tables: the first row names the columns, every later row becomes an object keyed by
/// those names, under "rows". Cells are text (trimmed), except that a cell that is exactly a date
/// (2022-05-09, 2022/5/9, 2022年5月9日) becomes a date. Rows whose cells are all empty are left out
/// and their line numbers listed under "skippedBlankLines".
///
/// The parser is written out here (rather than SwiftCSV's) because errors need the physical line
/// of every row, also when a quoted cell runs over several lines, and ragged rows must be caught.
enum CSVLoader {
    /// One field as written: its text (unquoted, not trimmed) and the line it starts on.
    struct Field: Equatable, Sendable {
        var text: String
        var line: Int
    }

    /// One record: its fields and the line it starts on.
    struct Row: Equatable, Sendable {
        var fields: [Field]
        var line: Int
        var isBlank: Bool { fields.allSatisfy { $0.text.trimmedCell.isEmpty } }
    }

    static func load(text: String, file: String, limits: Limits = .standard) throws -> DataSet {
        let delimiter = detectDelimiter(text)
        let records = try parse(text, delimiter: delimiter, file: file, limits: limits)
        guard let headerIndex = records.firstIndex(where: { !$0.isBlank }) else {
            throw DataError("the CSV file is empty (expected a header row naming the columns)", at: SourceLocation(file: file, line: 1))
        }
        let header = records[headerIndex]
        let names = header.fields.map { $0.text.trimmedCell.replacingOccurrences(of: "\u{FEFF}", with: "") }
        try checkHeader(names, line: header.line, file: file)

        var rows: [Value] = []
        var locations: [ValuePath: SourceLocation] = [
            []: SourceLocation(file: file, line: 1, column: 1),
            [.key("rows")]: SourceLocation(file: file, line: header.line, column: 1),
        ]
        var blankLines: [Int] = []
        for record in records[(headerIndex + 1)...] {
            if record.isBlank { blankLines.append(record.line); continue }
            if record.fields.count != names.count {
                throw DataError("row \(record.line) has \(record.fields.count) fields but the header has \(names.count)",
                                at: SourceLocation(file: file, line: record.line,
                                                   column: record.fields.count > names.count ? names.count + 1 : nil))
            }
            let path: ValuePath = [.key("rows"), .index(rows.count)]
            locations[path] = SourceLocation(file: file, line: record.line, column: 1)
            var object = Record()
            for (j, field) in record.fields.enumerated() {
                let text = field.text.trimmedCell
                guard !names[j].isEmpty else {
                    if text.isEmpty { continue }
                    throw DataError("field \(j + 1) has a value but its column has no name in the header row",
                                    at: SourceLocation(file: file, line: field.line, column: j + 1))
                }
                object[names[j]] = DateForms.cell(text)
                locations[path + [.key(names[j])]] = SourceLocation(file: file, line: field.line, column: j + 1)
            }
            rows.append(.object(object))
        }
        // Blank lines after the last row are the end of the file, not gaps in the table.
        let lastRowLine = records.last(where: { !$0.isBlank })?.line ?? 0
        blankLines.removeAll { $0 > lastRowLine }
        for (k, line) in blankLines.enumerated() {
            locations[[.key("skippedBlankLines"), .index(k)]] = SourceLocation(file: file, line: line, column: 1)
        }
        let root = Record([
            ("rows", .array(rows)),
            ("skippedBlankLines", .array(blankLines.map { .number(Double($0)) })),
        ])
        return DataSet(root: .object(root), locations: locations)
    }

    /// Column names must be unique; a nameless column is allowed only while it stays empty.
    static func checkHeader(_ names: [String], line: Int, file: String) throws {
        var seen: [String: Int] = [:]
        for (j, name) in names.enumerated() where !name.isEmpty {
            if let first = seen[name] {
                throw DataError("the header names '\(name)' twice (columns \(first + 1) and \(j + 1))",
                                at: SourceLocation(file: file, line: line, column: j + 1))
            }
            seen[name] = j
        }
    }

    /// The separator of the table: a comma, unless the first line has none but has tabs or
    /// semicolons (Excel in some regions, and "Unicode text" exports).
    static func detectDelimiter(_ text: String) -> Unicode.Scalar {
        var counts: [Unicode.Scalar: Int] = [",": 0, "\t": 0, ";": 0]
        var inQuotes = false
        for c in text.unicodeScalars {
            if c == "\"" { inQuotes.toggle() }
            if inQuotes { continue }
            if c == "\n" || c == "\r" {
                if counts.values.contains(where: { $0 > 0 }) { break } else { continue }
            }
            if let n = counts[c] { counts[c] = n + 1 }
        }
        for d: Unicode.Scalar in [",", "\t", ";"] where (counts[d] ?? 0) > 0 { return d }
        return ","
    }

    /// Splits CSV text into records (RFC 4180: fields in double quotes may hold the separator,
    /// line breaks and "" for a quote). Lines end in \n, \r\n or \r.
    /// Budgets (`limits`): fields per row, rows, cells in all, and bytes per field.
    static func parse(_ text: String, delimiter: Unicode.Scalar = ",", file: String,
                      limits: Limits = .standard) throws -> [Row] {
        let s = Array(text.unicodeScalars)
        var rows: [Row] = []
        var fields: [Field] = []
        var field = String.UnicodeScalarView()
        var fieldBytes = 0, cells = 0
        var line = 1, column = 1
        var fieldLine = 1, rowLine = 1
        var inQuotes = false, closedQuote = false, fieldHasContent = false
        var quoteLine = 1, quoteColumn = 1

        func endField() throws {
            if fields.count >= limits.maxColumns {
                throw DataError("第 \(rowLine) 行超过 \(limits.maxColumns) 列，请检查分隔符或拆分表格",
                                "line \(rowLine) has more than \(limits.maxColumns) fields; check the separator or split the table",
                                at: SourceLocation(file: file, line: rowLine))
            }
            cells += 1
            if cells > limits.maxCells {
                throw DataError("表格超过 \(limits.maxCells) 个单元格，请拆分为几个文件",
                                "the table has more than \(limits.maxCells) cells; split it into several files",
                                at: SourceLocation(file: file, line: rowLine))
            }
            fields.append(Field(text: String(field), line: fieldLine))
            field = String.UnicodeScalarView()
            fieldBytes = 0
            closedQuote = false; fieldHasContent = false
            fieldLine = line
        }
        func endRow() throws {
            try endField()
            if rows.count >= limits.maxRows {
                throw DataError("表格超过 \(limits.maxRows) 行，请拆分为几个文件",
                                "the table has more than \(limits.maxRows) rows; split it into several files",
                                at: SourceLocation(file: file, line: rowLine))
            }
            rows.append(Row(fields: fields, line: rowLine))
            fields = []
        }
        func append(_ c: Unicode.Scalar) throws {
            fieldBytes += UTF8.width(c)
            if fieldBytes > limits.maxFieldBytes {
                throw DataError("第 \(fields.count + 1) 个字段超过 \(Limits.size(limits.maxFieldBytes))（是否少了一个引号？）",
                                "field \(fields.count + 1) is longer than \(Limits.size(limits.maxFieldBytes)) (is a quote missing?)",
                                at: SourceLocation(file: file, line: fieldLine, column: fields.count + 1))
            }
            field.append(c)
        }

        var i = 0
        while i < s.count {
            let c = s[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < s.count, s[i + 1] == "\"" {
                        try append("\""); i += 2; column += 2
                    } else {
                        inQuotes = false; closedQuote = true; i += 1; column += 1
                    }
                    continue
                }
                // Line breaks inside a cell become \n, however the file ends its lines.
                i += 1; column += 1
                if c == "\r" {
                    if i < s.count, s[i] == "\n" { continue }
                    try append("\n"); line += 1; column = 1
                } else {
                    try append(c)
                    if c == "\n" { line += 1; column = 1 }
                }
                continue
            }
            switch c {
            case delimiter:
                i += 1; column += 1
                try endField()
            case "\n", "\r":
                i += 1
                if c == "\r", i < s.count, s[i] == "\n" { i += 1 }
                line += 1; column = 1
                try endRow()
                rowLine = line
            case "\"" where !fieldHasContent && !closedQuote:
                // Spaces before the opening quote are dropped with the quote's field.
                field = String.UnicodeScalarView()
                inQuotes = true; fieldHasContent = true
                quoteLine = line; quoteColumn = column
                i += 1; column += 1
            default:
                if closedQuote {
                    guard c == " " || c == "\t" else {
                        throw DataError("expected '\(delimiter == "\t" ? "\\t" : String(delimiter))' or the end of the line after the closing quote of field \(fields.count + 1)",
                                        at: SourceLocation(file: file, line: line, column: fields.count + 1))
                    }
                } else {
                    try append(c)
                    if c != " " && c != "\t" { fieldHasContent = true }
                }
                i += 1; column += 1
            }
        }
        if inQuotes {
            throw DataError("a quoted field is not closed (a '\"' is missing; it opens at character \(quoteColumn) of line \(quoteLine))",
                            at: SourceLocation(file: file, line: quoteLine, column: fields.count + 1))
        }
        if !fields.isEmpty || !field.isEmpty || closedQuote || fieldHasContent { try endRow() }
        return rows
    }
}
