import Foundation
import WenshuCore
import WenshuData

/// A list for `wenshu batch`: a CSV file or one sheet of an .xlsx workbook, as entries in list
/// order. An entry is a data row, a blank row between data rows, or a row that cannot be read
/// (a CSV row with the wrong number of fields): every line of the table between the header and the
/// last data row is an entry, so that every one can be accounted for.
///
/// Column names are renamed to the keys the template's fields declare (姓名 → name, 证书编号 → no,
/// when the template's fields.yaml says so; a template without one keeps the header as written). CSV is read the same way `DataLoader` reads it (UTF-8 with or without a BOM,
/// UTF-16 with a BOM, else GB18030; the separator detected; cells trimmed; a cell that is exactly
/// an existing date becomes a date), but the rows are not all held as values: the file's bytes are
/// indexed once and a row is parsed again when it is needed, so a list of 100,000 rows costs
/// little more than its bytes. An .xlsx sheet is read whole by `DataLoader`.
public final class BatchList: @unchecked Sendable {
    /// What an entry is.
    public enum Kind: Sendable, Equatable {
        case row
        case blank
        /// A row that cannot be read, with why.
        case unreadable(String)
    }

    /// One entry of the list.
    public struct Entry: Sendable {
        /// The entry's line in a CSV file, or its row number in the sheet.
        public var line: Int
        public var kind: Kind
        /// Where the row's data is: a byte offset into the CSV text, or an index into the sheet's rows.
        var start: Int
    }

    /// The file the list came from.
    public let file: String
    /// The sheet, for an .xlsx list.
    public let sheet: String?
    /// The column keys, normalised, in the header's order.
    public let columns: [String]
    /// The header's own labels (as written), in order.
    public let labels: [String]
    /// The line (CSV) or row (sheet) of the header.
    public let headerLine: Int
    /// Data rows, blank rows and unreadable rows, in list order.
    public let entries: [Entry]

    private let csv: CSVText?
    private let sheetRows: [Record]
    /// The column letters of each column in the sheet (for cell places such as 名单!C14).
    private let sheetColumns: [String]

    private init(file: String, sheet: String?, columns: [String], labels: [String], headerLine: Int, entries: [Entry],
                 csv: CSVText?, sheetRows: [Record], sheetColumns: [String]) {
        self.file = file; self.sheet = sheet; self.columns = columns; self.labels = labels
        self.headerLine = headerLine; self.entries = entries
        self.csv = csv; self.sheetRows = sheetRows; self.sheetColumns = sheetColumns
    }

    /// Reads a .csv or .xlsx list (`sheet` picks a sheet of a workbook; default the first).
    public static func load(_ path: String, sheet: String? = nil, keys: [String: String] = [:]) throws -> BatchList {
        let ext = (path as NSString).pathExtension.lowercased()
        switch ext {
        case "csv", "txt", "tsv":
            if sheet != nil { throw DataError("a sheet can only be chosen in an .xlsx file", at: SourceLocation(file: path)) }
            return try loadCSV(path, keys: keys)
        case "xlsx":
            return try loadSheet(path, sheet: sheet, keys: keys)
        default:
            throw DataError("a list must be a .csv or .xlsx file" + (ext == "xls" ? " (save the old .xls workbook as .xlsx)" : ""),
                            at: SourceLocation(file: path))
        }
    }

    /// Every character the list's cells hold (for cutting the fonts once for the whole run).
    public var characters: Set<Unicode.Scalar> {
        var out = Set<Unicode.Scalar>()
        if let csv {
            out.formUnion(String(decoding: csv.bytes, as: UTF8.self).unicodeScalars)
        }
        for row in sheetRows {
            for (_, value) in row.pairs { out.formUnion(value.description.unicodeScalars) }
        }
        // Dates print as 年月日 whatever the cell held.
        out.formUnion("年月日〇一二三四五六七八九十0123456789".unicodeScalars)
        return out
    }

    /// The key a column label stands for (姓名 → name) among `keys` (a schema's `columnKeys`).
    public static func key(for label: String, in keys: [String: String]) -> String {
        keys[label.trimmingCharacters(in: .whitespaces)] ?? label
    }

    /// The values of a data row, keyed by the normalised column keys.
    public func record(_ entry: Entry) -> Record {
        guard entry.kind != .blank else { return Record() }
        if let csv {
            var parser = CSVParser(text: csv, position: entry.start, line: entry.line)
            guard let fields = try? parser.next()?.fields else { return Record() }
            var r = Record()
            for (j, key) in columns.enumerated() where !key.isEmpty {
                r[key] = CSVParser.cell(j < fields.count ? fields[j] : "")
            }
            return r
        }
        return sheetRows[entry.start]
    }

    /// Where a row is (file:line, or file:Sheet!A14).
    public func location(of entry: Entry) -> SourceLocation {
        if let sheet { return SourceLocation(file: file, place: "\(sheet)!A\(entry.line)") }
        return SourceLocation(file: file, line: entry.line)
    }

    /// Where a cell of a row is (file:line:column, or file:Sheet!C14).
    public func location(of entry: Entry, column key: String) -> SourceLocation {
        guard let j = columns.firstIndex(of: key) else { return location(of: entry) }
        if let sheet { return SourceLocation(file: file, place: "\(sheet)!\(sheetColumns[j])\(entry.line)") }
        return SourceLocation(file: file, line: entry.line, column: j + 1)
    }

    /// The row's place as a person finds it: the line of a CSV file, Sheet!row of a workbook.
    public func place(of entry: Entry) -> String {
        if let sheet { return "\(sheet)!\(entry.line)" }
        return "\((file as NSString).lastPathComponent):\(entry.line)"
    }

    // MARK: CSV

    static func loadCSV(_ path: String, keys names: [String: String]) throws -> BatchList {
        let text = try CSVText(path: path)
        var parser = CSVParser(text: text, position: 0, line: 1)
        // The header: the first record with anything in it.
        var header: CSVParser.Record?
        while let r = try parser.next() {
            if !r.isBlank { header = r; break }
        }
        guard let header else {
            throw DataError("the CSV file is empty (expected a header row naming the columns)", at: SourceLocation(file: path, line: 1))
        }
        if let problem = header.problem { throw DataError(problem, at: SourceLocation(file: path, line: header.line)) }
        let labels = header.fields.map { $0.trimmedCell.replacingOccurrences(of: "\u{FEFF}", with: "") }
        let columns = try checkedKeys(labels, names) { j in SourceLocation(file: path, line: header.line, column: j + 1) }

        var entries: [Entry] = []
        var lastRow = -1
        while let r = try parser.next() {
            let kind: Kind
            if r.isBlank {
                kind = .blank
            } else if let problem = r.problem {
                kind = .unreadable(problem)
            } else if r.fields.count != labels.count {
                kind = .unreadable("第 \(r.line) 行有 \(r.fields.count) 个字段，表头有 \(labels.count) 个 (the row has \(r.fields.count) fields but the header has \(labels.count))")
            } else if let j = labels.indices.first(where: { labels[$0].isEmpty && !r.fields[$0].trimmedCell.isEmpty }) {
                kind = .unreadable("第 \(j + 1) 列有值但表头没有列名 (field \(j + 1) has a value but its column has no name in the header row)")
            } else {
                kind = .row
            }
            if kind != .blank { lastRow = entries.count }
            entries.append(Entry(line: r.line, kind: kind, start: r.start))
        }
        // Blank lines after the last row are the end of the file, not gaps in the table.
        entries.removeSubrange((lastRow + 1)...)
        return BatchList(file: path, sheet: nil, columns: columns, labels: labels, headerLine: header.line, entries: entries,
                         csv: text, sheetRows: [], sheetColumns: [])
    }

    /// The most columns a list may have. A certificate list has a dozen; each column is tried in
    /// the template once per run (to find the required ones), so 100,000 columns would take hours.
    public static let maxColumns = 1_000

    /// The normalised keys of a header's labels: unique, nameless columns allowed (they must stay empty).
    static func checkedKeys(_ labels: [String], _ names: [String: String], at location: (Int) -> SourceLocation) throws -> [String] {
        guard labels.count <= maxColumns else {
            throw DataError("表头有 \(labels.count) 列，上限 \(maxColumns) 列，请删去模板不用的列 (the header has \(labels.count) columns; "
                            + "a list may have at most \(maxColumns): remove the columns the template does not use)", at: location(maxColumns))
        }
        var seen: [String: Int] = [:]
        var keys: [String] = []
        for (j, label) in labels.enumerated() {
            guard !label.isEmpty else { keys.append(""); continue }
            let key = BatchList.key(for: label, in: names)
            if let first = seen[key] {
                let same = labels[first] == label
                throw DataError(same ? "the header names '\(label)' twice (columns \(first + 1) and \(j + 1))"
                                     : "columns \(first + 1) ('\(labels[first])') and \(j + 1) ('\(label)') both mean '\(key)'",
                                at: location(j))
            }
            seen[key] = j
            keys.append(key)
        }
        return keys
    }

    // MARK: xlsx

    /// The row number of a place such as 名单!C14.
    static func rowNumber(_ place: String?) -> Int? {
        guard let cell = place?.split(separator: "!").last else { return nil }
        return Int(cell.filter(\.isNumber))
    }

    static func loadSheet(_ path: String, sheet: String?, keys names: [String: String]) throws -> BatchList {
        let data = try DataLoader.load(path, sheet: sheet)
        guard case .array(let rows)? = data.root["rows"] else { throw DataError("the sheet has no table", at: SourceLocation(file: path)) }
        let sheetName = data.root["sheet"]?.description ?? sheet ?? "Sheet1"
        // Header labels in column order, with their column letters, from the locations of the first row's cells.
        var labels: [String] = []
        var letters: [String] = []
        let headerLine = rowNumber(data.locations[[.key("rows")]]?.place) ?? 1
        if case .object(let first)? = rows.first {
            for key in first.keys {
                labels.append(key)
                let place = data.locations[[.key("rows"), .index(0), .key(key)]]?.place ?? ""
                let cell = place.split(separator: "!").last.map(String.init) ?? ""
                letters.append(String(cell.prefix { $0.isLetter }))
            }
        }
        let columns = try checkedKeys(labels, names) { j in SourceLocation(file: path, place: "\(sheetName)!\(letters[j])\(headerLine)") }
        // Entries: data rows and the blank rows between them, in sheet order.
        var entries: [Entry] = []
        var records: [Record] = []
        records.reserveCapacity(rows.count)
        var blanks: [Int] = []
        if case .array(let b)? = data.root["skippedBlankLines"] {
            blanks = b.compactMap { if case .number(let n) = $0 { Int(n) } else { nil } }
        }
        var nextBlank = 0
        for (i, row) in rows.enumerated() {
            let line = rowNumber(data.locations[[.key("rows"), .index(i)]]?.place) ?? (headerLine + 1 + i)
            while nextBlank < blanks.count, blanks[nextBlank] < line {
                entries.append(Entry(line: blanks[nextBlank], kind: .blank, start: -1)); nextBlank += 1
            }
            var r = Record()
            if case .object(let o) = row {
                for (j, label) in labels.enumerated() { r[columns[j]] = o[label] ?? .string("") }
            }
            entries.append(Entry(line: line, kind: .row, start: records.count))
            records.append(r)
        }
        return BatchList(file: path, sheet: sheetName, columns: columns, labels: labels, headerLine: headerLine, entries: entries,
                         csv: nil, sheetRows: records, sheetColumns: letters)
    }
}

// MARK: - CSV text and parser

/// The bytes of a CSV file as UTF-8 (converted once when the file is GB18030 or UTF-16).
final class CSVText: @unchecked Sendable {
    let bytes: [UInt8]
    let delimiter: UInt8
    let file: String

    init(uncheckedBytes bytes: [UInt8], delimiter: UInt8, file: String) {
        self.bytes = bytes; self.delimiter = delimiter; self.file = file
    }

    convenience init(path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw DataError("this is a folder, not a list", at: SourceLocation(file: path))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DataError("cannot read the file (does it exist?)", at: SourceLocation(file: path))
        }
        let bytes = try CSVText.utf8(data, file: path)
        self.init(uncheckedBytes: bytes, delimiter: CSVText.detectDelimiter(bytes), file: path)
    }

    /// The text's UTF-8 bytes: UTF-8 (a BOM is dropped), UTF-16 with a BOM, else GB18030 (Excel's
    /// "CSV" on Chinese Windows). Binary files are refused with what they seem to be.
    static func utf8(_ data: Data, file: String) throws -> [UInt8] {
        let head = [UInt8](data.prefix(8))
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw DataError("this is a zip file (an Excel .xlsx?), not CSV text; give it the right extension", at: SourceLocation(file: file))
        }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw DataError("this is an old Excel .xls file, not CSV text; save it as .xlsx or as CSV UTF-8", at: SourceLocation(file: file))
        }
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            guard let s = String(data: data.dropFirst(2), encoding: head[0] == 0xFF ? .utf16LittleEndian : .utf16BigEndian) else {
                throw DataError("not UTF-16 text", at: SourceLocation(file: file))
            }
            return Array(s.utf8)
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.contains(0) { throw DataError("not CSV text (the file holds NUL bytes)", at: SourceLocation(file: file)) }
        if isUTF8(bytes) { return bytes }
        if let s = String(data: data, encoding: String.Encoding(rawValue: 0x8000_0632)) { return Array(s.utf8) }
        let line = firstInvalidLine(bytes)
        throw DataError("第 \(line) 行不是 UTF-8 或 GBK 文字，请把名单另存为 UTF-8 (line \(line) is not UTF-8 or GBK text: save the CSV as UTF-8; "
                        + "in Excel choose \"CSV UTF-8\")", at: SourceLocation(file: file, line: line))
    }

    /// The line of the first byte that is not UTF-8 (so the odd character can be found).
    static func firstInvalidLine(_ bytes: [UInt8]) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var it = bytes.makeIterator()
        var line = 1
        while case .valid(let scalar) = parser.parseScalar(from: &it) {
            if scalar.count == 1 && scalar.first == 0x0A { line += 1 }
        }
        return line
    }

    /// A comma, unless the first line has none but has tabs or semicolons.
    static func detectDelimiter(_ bytes: [UInt8]) -> UInt8 {
        var counts: [UInt8: Int] = [0x2C: 0, 0x09: 0, 0x3B: 0]
        var inQuotes = false
        for b in bytes {
            if b == 0x22 { inQuotes.toggle() }
            if inQuotes { continue }
            if b == 0x0A || b == 0x0D {
                if counts.values.contains(where: { $0 > 0 }) { break } else { continue }
            }
            if counts[b] != nil { counts[b]! += 1 }
        }
        if counts[0x2C]! > 0 { return 0x2C }
        if counts[0x09]! > 0 { return 0x09 }
        if counts[0x3B]! > 0 { return 0x3B }
        return 0x2C
    }
}

extension CSVText {
    /// Whether `bytes` are valid UTF-8.
    static func isUTF8(_ bytes: [UInt8]) -> Bool {
        var it = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&it) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}

/// Splits CSV bytes into records (RFC 4180: fields in double quotes may hold the separator, line
/// breaks and "" for a quote; lines end in \n, \r\n or \r), one at a time from any record start.
struct CSVParser {
    struct Record {
        var fields: [String]
        /// The line the record starts on, and its byte offset.
        var line: Int
        var start: Int
        /// A record whose fields cannot be read as written (text after a closing quote).
        var problem: String?
        var isBlank: Bool { problem == nil && fields.allSatisfy { $0.trimmedCell.isEmpty } }
    }

    let text: CSVText
    var position: Int
    var line: Int

    init(text: CSVText, position: Int, line: Int) {
        self.text = text; self.position = position; self.line = line
    }

    /// The next record, or nil at the end of the text.
    mutating func next() throws -> Record? {
        let s = text.bytes
        guard position < s.count else { return nil }
        let delimiter = text.delimiter
        let start = position, startLine = line
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false, closedQuote = false, hasContent = false
        var quoteLine = line
        var problem: String?
        var i = position
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            closedQuote = false; hasContent = false
        }
        while i < s.count {
            let c = s[i]
            if inQuotes {
                i += 1
                if c == 0x22 {
                    if i < s.count, s[i] == 0x22 { field.append(0x22); i += 1 } else { inQuotes = false; closedQuote = true }
                } else if c == 0x0D {
                    if i < s.count, s[i] == 0x0A { continue }
                    field.append(0x0A); line += 1
                } else {
                    field.append(c)
                    if c == 0x0A { line += 1 }
                }
                continue
            }
            if c == delimiter {
                i += 1
                endField()
            } else if c == 0x0A || c == 0x0D {
                i += 1
                if c == 0x0D, i < s.count, s[i] == 0x0A { i += 1 }
                line += 1
                endField()
                position = i
                return Record(fields: fields, line: startLine, start: start, problem: problem)
            } else if c == 0x22 && !hasContent && !closedQuote {
                field.removeAll(keepingCapacity: true)
                inQuotes = true; hasContent = true; quoteLine = line
                i += 1
            } else {
                if closedQuote {
                    if c != 0x20 && c != 0x09 && problem == nil {
                        problem = "第 \(fields.count + 1) 个字段的引号后还有文字 (text after the closing quote of field \(fields.count + 1))"
                    }
                } else {
                    field.append(c)
                    if c != 0x20 && c != 0x09 { hasContent = true }
                }
                i += 1
            }
        }
        if inQuotes {
            throw DataError("a quoted field is not closed (a '\"' is missing; it opens on line \(quoteLine))",
                            at: SourceLocation(file: text.file, line: quoteLine))
        }
        position = i
        endField()
        return Record(fields: fields, line: startLine, start: start, problem: problem)
    }

    /// A trimmed cell as a value: a date when it is exactly a date form of an existing date
    /// (2022-05-09, 2022/5/9, 2022年5月9日), else the text.
    static func cell(_ raw: String) -> Value {
        let text = raw.trimmedCell
        if let d = dateForm(text) { return .date(d) }
        return .string(text)
    }

    /// The date `text` writes when it is exactly one of the date forms and the date exists.
    static func dateForm(_ text: String) -> DateValue? {
        let u = Array(text.utf8)
        guard u.count >= 8, u.count <= 17, (48...57).contains(u[0]) else { return nil }
        var i = 0
        func number(_ minDigits: Int, _ maxDigits: Int) -> Int? {
            var n = 0, count = 0
            while i < u.count, count < maxDigits, (48...57).contains(u[i]) { n = n * 10 + Int(u[i] - 48); count += 1; i += 1 }
            return count >= minDigits ? n : nil
        }
        func take(_ bytes: [UInt8]) -> Bool {
            guard u.count - i >= bytes.count, Array(u[i..<(i + bytes.count)]) == bytes else { return false }
            i += bytes.count; return true
        }
        let nian = Array("年".utf8), yue = Array("月".utf8), ri = Array("日".utf8)
        guard let year = number(4, 4), i < u.count else { return nil }
        let (first, second): ([UInt8], [UInt8])
        if u[i] == 0x2D { (first, second) = ([0x2D], [0x2D]) }
        else if u[i] == 0x2F { (first, second) = ([0x2F], [0x2F]) }
        else if take(nian) { i -= nian.count; (first, second) = (nian, yue) }
        else { return nil }
        guard take(first), let month = number(1, 2), take(second), let day = number(1, 2) else { return nil }
        if first == nian { guard take(ri) else { return nil } }
        guard i == u.count else { return nil }
        return DateValue(year: year, month: month, day: day)
    }
}

extension String {
    /// The text without surrounding spaces (ASCII, full-width 　, tabs) and line breaks.
    var trimmedCell: String {
        guard let f = utf8.first, let l = utf8.last else { return self }
        // Fast path: an ASCII letter, digit or punctuation at both ends needs no trimming.
        if f > 0x20 && f < 0x7F && l > 0x20 && l < 0x7F { return self }
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        if start == scalars.startIndex && end == scalars.index(before: scalars.endIndex) { return self }
        return String(scalars[start...end])
    }
}
