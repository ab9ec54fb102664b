import Foundation
import WenshuCore

/// Reads CSV tables: the first row names the columns, every later row becomes an object keyed by
/// those names, under "rows". Cells are text (trimmed), except that a cell that is exactly a date
/// (2022-05-09, 2022/5/9, 2022年5月9日) becomes a date. Rows whose cells are all empty are left out
/// and their line numbers listed under "skippedBlankLines".
///
/// The records come from `CSVParser`, Wenshu's one CSV parser (the batch's lists read through it too).
enum CSVLoader {
    static func load(text: String, file: String, limits: Limits = .standard) throws -> DataSet {
        var parser = CSVParser(text: CSVText(text: text, file: file), limits: limits)
        var records: [CSVParser.Record] = []
        while let record = try parser.next() {
            if let problem = record.problem { throw DataError(problem.chinese, problem.english, at: problem.location) }
            records.append(record)
        }
        guard let headerIndex = records.firstIndex(where: { !$0.isBlank }) else {
            throw DataError("the CSV file is empty (expected a header row naming the columns)", at: SourceLocation(file: file, line: 1))
        }
        let header = records[headerIndex]
        let names = header.fields.map { $0.trimmedCell.replacingOccurrences(of: "\u{FEFF}", with: "") }
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
                let text = field.trimmedCell
                guard !names[j].isEmpty else {
                    if text.isEmpty { continue }
                    throw DataError("第 \(j + 1) 列有值，但表头没有它的列名（field \(j + 1) has a value but its column has no name in the header row）；"
                                    + "请在表头行给这一列写上列名；若表头上方有标题行，请删去标题行 (name the column in the header row; if a title row stands above the header, delete it)",
                                    at: SourceLocation(file: file, line: record.fieldLines[j], column: j + 1))
                }
                object[names[j]] = DateForms.cell(text)
                locations[path + [.key(names[j])]] = SourceLocation(file: file, line: record.fieldLines[j], column: j + 1)
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
}
