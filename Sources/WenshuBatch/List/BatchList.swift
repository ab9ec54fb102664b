import Foundation
import WenshuCore
import WenshuData

/// A list for `wenshu batch`: a CSV file or one sheet of an .xlsx workbook, as entries in list
/// order. An entry is a data row, a blank row between data rows, or a row that cannot be read
/// (a CSV row with the wrong number of fields): every line of the table between the header and the
/// last data row is an entry, so that every one can be accounted for.
///
/// Column names are renamed to the keys the template's fields declare (姓名 → name, 证书编号 → no,
/// when the template's fields.yaml says so; a template without one keeps the header as written).
/// CSV is read by WenshuData's one parser, as `DataLoader` reads it (`CSVText`: UTF-8 with or
/// without a BOM, UTF-16 with a BOM, else GB18030; the separator detected; `CSVParser`; cells
/// trimmed; `DateForms.cell`: a cell that is exactly an existing date becomes a date), but the rows
/// are not all held as values: the file's records are indexed once and a row is parsed again when
/// it is needed, so a list of 100,000 rows costs little more than its bytes. Unlike a data file, a
/// row that cannot be read (ragged, text after a quote) is an entry of its own, skipped with its
/// line, not the end of the run. An .xlsx sheet is read whole by `DataLoader`.
public final class BatchList: Sendable {
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
            var parser = CSVParser(text: csv, position: entry.start, line: entry.line, limits: BatchList.limits)
            guard let fields = try? parser.next()?.fields else { return Record() }
            var r = Record()
            for (j, key) in columns.enumerated() where !key.isEmpty {
                r[key] = DateForms.cell((j < fields.count ? fields[j] : "").trimmedCell)
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
        return location(of: entry, column: j)
    }

    /// The cell of column number `j` (0-based) of a row.
    func location(of entry: Entry, column j: Int) -> SourceLocation {
        if let sheet { return SourceLocation(file: file, place: "\(sheet)!\(sheetColumns[j])\(entry.line)") }
        return SourceLocation(file: file, line: entry.line, column: j + 1)
    }

    /// Where each of the row's cells is, by column key (the places its values carry to the glyphs);
    /// one pass over the columns, as it runs for every row.
    public func locations(of entry: Entry) -> [String: SourceLocation] {
        var out: [String: SourceLocation] = [:]
        for (j, key) in columns.enumerated() where !key.isEmpty && out[key] == nil { out[key] = location(of: entry, column: j) }
        return out
    }

    /// The row's place as a person finds it: the line of a CSV file, Sheet!row of a workbook.
    public func place(of entry: Entry) -> String {
        if let sheet { return "\(sheet)!\(entry.line)" }
        return "\((file as NSString).lastPathComponent):\(entry.line)"
    }

    // MARK: CSV

    static func loadCSV(_ path: String, keys names: [String: String]) throws -> BatchList {
        let text = try CSVText(path: path, limits: limits)
        var parser = CSVParser(text: text, limits: limits)
        // The header: the first record with anything in it.
        var header: CSVParser.Record?
        while let r = try parser.next() {
            if !r.isBlank { header = r; break }
        }
        guard let header else {
            throw DataError("the CSV file is empty (expected a header row naming the columns)", at: SourceLocation(file: path, line: 1))
        }
        if let problem = header.problem { throw DataError(problem.chinese, problem.english, at: problem.location) }
        let labels = header.fields.map { $0.trimmedCell.replacingOccurrences(of: "\u{FEFF}", with: "") }
        let columns = try checkedKeys(labels, names) { j in SourceLocation(file: path, line: header.line, column: j + 1) }

        var entries: [Entry] = []
        var lastRow = -1
        while let r = try parser.next() {
            let kind: Kind
            if r.isBlank {
                kind = .blank
            } else if let problem = r.problem {
                kind = .unreadable("\(problem.chinese) (\(problem.english))")
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

    /// A data file's budgets, but no cap on a field's bytes (a row with a pasted file in a cell is
    /// skipped on its own, `BatchRun.maxFieldBytes`, not the end of the whole list) nor on cells (a
    /// list's rows are indexed, not held).
    static let limits: Limits = {
        var l = Limits.standard
        l.maxFieldBytes = Int.max
        l.maxCells = Int.max
        return l
    }()

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
