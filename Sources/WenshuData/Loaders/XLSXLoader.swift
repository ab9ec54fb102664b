import Foundation
import WenshuCore
import ZIPFoundation

/// Reads one sheet of an Excel workbook (.xlsx) as a table, in the same shape as a CSV file: the
/// first non-empty row names the columns, every later row becomes an object under "rows", blank
/// rows are listed under "skippedBlankLines", and "sheet" names the sheet. Locations are places
/// such as 名单!C14.
///
/// Cells keep their types: text, numbers, true/false, and dates for numbers in a date-formatted
/// cell (never the serial 44927). A whole number of 11 or more digits becomes text (phones, ID
/// numbers), a time-formatted cell becomes text such as 14:30, and text that is exactly a date
/// (2022-05-09, 2022/5/9, 2022年5月9日) becomes a date, as in CSV. A merged area below the header
/// that spans several rows gives its value to every cell it covers.
enum XLSXLoader {
    /// Excel's last row.
    static let maxRow = 1_048_576

    /// Budgets (`limits`): unpacked bytes per part and in all (checked against each part's
    /// declared size before unpacking, and again while unpacking), cells per sheet (counted in the
    /// sheet's XML before it is parsed, and with the cells merged areas fill), columns, and bytes
    /// per cell.
    /// The workbook's sheets in order, with whether each is hidden.
    static func sheets(data: Data, file: String, limits: Limits = .standard) throws -> [(name: String, hidden: Bool)] {
        try Package(data: data, file: file, limits: limits).workbook().sheets.filter(\.isWorksheet).map { ($0.name, $0.hidden) }
    }

    static func load(data: Data, file: String, sheet requested: String?, limits: Limits = .standard) throws -> DataSet {
        let package = try Package(data: data, file: file, limits: limits)
        let workbook = try package.workbook()
        let chosen: Workbook.Sheet
        if let requested {
            guard let s = workbook.sheets.first(where: { $0.name == requested })
                    ?? workbook.sheets.first(where: { $0.name.trimmedCell == requested.trimmedCell }) else {
                let names = workbook.sheets.map(\.name).joined(separator: ", ")
                throw DataError("no sheet named '\(requested)' in the workbook (its sheets are: \(names))", at: SourceLocation(file: file))
            }
            chosen = s
        } else {
            guard let s = workbook.sheets.first(where: { !$0.hidden }) ?? workbook.sheets.first else {
                throw DataError("the workbook has no sheets", at: SourceLocation(file: file))
            }
            chosen = s
        }
        guard chosen.isWorksheet else {
            throw DataError("sheet '\(chosen.name)' is a chart, not a table", at: SourceLocation(file: file, place: chosen.name))
        }
        let sharedStrings = try package.sharedStrings(workbook)
        let styles = try package.styles(workbook)
        guard let sheetData = try package.part(chosen.path) else {
            throw DataError("the .xlsx file is damaged: sheet '\(chosen.name)' has no \(chosen.path) in the zip",
                            at: SourceLocation(file: file, place: chosen.name))
        }
        let cells = XLSXLoader.countTags(sheetData, "c")
        if cells > limits.maxCells {
            throw DataError("工作表“\(chosen.name)”超过 \(limits.maxCells) 个单元格，请拆分为几个工作表或文件",
                            "sheet '\(chosen.name)' has more than \(limits.maxCells) cells; split it into several sheets or files",
                            at: SourceLocation(file: file, place: chosen.name))
        }
        let root = try package.xml(sheetData, part: chosen.path)
        let reader = SheetReader(file: file, sheet: chosen.name, sharedStrings: sharedStrings, styles: styles,
                                 date1904: workbook.date1904, limits: limits)
        return try reader.table(root)
    }

    // MARK: The workbook in the zip package (OfficePackage)

    typealias Package = OfficePackage
}

extension OfficePackage {
    typealias Workbook = XLSXLoader.Workbook
    typealias NumberKind = XLSXLoader.NumberKind

    func workbook() throws -> Workbook {
        var workbookPath = "xl/workbook.xml"
        if let main = try relationships(of: "").values.first(where: { $0.type.hasSuffix("/officeDocument") }),
           entries[OfficePackage.normalize(main.path)] != nil {
            workbookPath = main.path
        }
        guard let data = try part(workbookPath) else {
            throw DataError("not an .xlsx file (no xl/workbook.xml in the zip)", at: SourceLocation(file: file))
        }
        let root = try xml(data, part: workbookPath)
        let rels = try relationships(of: workbookPath)
        var sheets: [Workbook.Sheet] = []
        for s in XLSXLoader.elements(in: root, named: "sheet") {
            guard let name = s.attributes["name"] else { continue }
            let rel = s.attributes["id"].flatMap { rels[$0] }
            let index = sheets.count + 1
            sheets.append(Workbook.Sheet(name: name, path: rel?.path ?? "xl/worksheets/sheet\(index).xml",
                                         isWorksheet: rel.map { $0.type.hasSuffix("/worksheet") } ?? true,
                                         hidden: s.attributes["state"].map { $0 != "visible" } ?? false))
        }
        let properties = XLSXLoader.elements(in: root, named: "workbookPr").first
        let date1904 = properties?.attributes["date1904"].map { $0 == "1" || $0 == "true" } ?? false
        return Workbook(path: workbookPath, relationships: rels, sheets: sheets, date1904: date1904)
    }

    func relatedPart(_ workbook: Workbook, type: String, fallback: String) -> String {
        workbook.relationships.values.first(where: { $0.type.hasSuffix("/" + type) })?.path ?? fallback
    }

    func sharedStrings(_ workbook: Workbook) throws -> [String] {
        let path = relatedPart(workbook, type: "sharedStrings", fallback: "xl/sharedStrings.xml")
        guard let data = try part(path) else { return [] }
        if XLSXLoader.countTags(data, "si") > limits.maxCells {
            throw DataError("工作簿的共享文本超过 \(limits.maxCells) 条，请拆分工作簿或另存为 CSV",
                            "the workbook has more than \(limits.maxCells) shared texts; split it or save it as CSV",
                            at: SourceLocation(file: file))
        }
        let root = try xml(data, part: path)
        return XLSXLoader.childElements(root, "si").map(XLSXLoader.richText)
    }

    func styles(_ workbook: Workbook) throws -> [NumberKind] {
        let path = relatedPart(workbook, type: "styles", fallback: "xl/styles.xml")
        guard let data = try part(path) else { return [] }
        let root = try xml(data, part: path)
        var codes: [Int: String] = [:]
        for f in XLSXLoader.elements(in: root, named: "numFmt") {
            if let id = f.attributes["numFmtId"].flatMap({ Int($0) }), let code = f.attributes["formatCode"] { codes[id] = code }
        }
        guard let cellXfs = XLSXLoader.elements(in: root, named: "cellXfs").first else { return [] }
        return XLSXLoader.childElements(cellXfs, "xf").map { xf in
            let id = xf.attributes["numFmtId"].flatMap { Int($0) } ?? 0
            return NumberKind(numFmtId: id, code: codes[id])
        }
    }
}

extension XLSXLoader {

    struct Workbook {
        struct Sheet {
            var name: String
            var path: String
            var isWorksheet: Bool
            var hidden: Bool
        }
        var path: String
        var relationships: [String: (type: String, path: String)]
        var sheets: [Sheet]
        var date1904: Bool
    }

    // MARK: Number formats

    /// What a cell's number format makes of its number.
    enum NumberKind: Equatable, Sendable {
        case number, date, time

        static let builtInDates: Set<Int> = [14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58]
        static let builtInTimes: Set<Int> = [18, 19, 20, 21, 32, 33, 34, 35, 45, 46, 47, 55, 56]

        init(numFmtId id: Int, code: String?) {
            if let code { self = NumberKind(formatCode: code); return }
            self = NumberKind.builtInDates.contains(id) ? .date : NumberKind.builtInTimes.contains(id) ? .time : .number
        }

        /// Reads a format code: y or d (outside quotes, brackets and escapes) make a date; m alone
        /// makes a date (months), m with h or s is minutes; h or s alone make a time.
        init(formatCode code: String) {
            let c = Array(code.lowercased())
            var hasDate = false, hasMonth = false, hasTime = false
            var i = 0
            scan: while i < c.count {
                switch c[i] {
                case "\"":
                    i += 1
                    while i < c.count, c[i] != "\"" { i += 1 }
                case "\\", "_", "*":
                    i += 1
                case "[":
                    var content = ""
                    i += 1
                    while i < c.count, c[i] != "]" { content.append(c[i]); i += 1 }
                    if !content.isEmpty, content.allSatisfy({ $0 == "h" || $0 == "m" || $0 == "s" }) { hasTime = true }
                case ";":
                    break scan
                case "y", "d":
                    hasDate = true
                case "m":
                    hasMonth = true
                case "h", "s":
                    hasTime = true
                case "a":
                    if c[i...].starts(with: Array("am/pm")) { hasTime = true; i += 4 }
                    else if c[i...].starts(with: Array("a/p")) { hasTime = true; i += 2 }
                case "g":
                    if c[i...].starts(with: Array("general")) { i += 6 }
                default:
                    break
                }
                i += 1
            }
            if hasDate || (hasMonth && !hasTime) { self = .date } else if hasTime { self = .time } else { self = .number }
        }
    }

    // MARK: Cells

    /// Column letters of a 1-based column number: 1 → A, 28 → AB.
    static func columnName(_ column: Int) -> String {
        var n = column, name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// The column and row of a reference such as C14.
    static func parseReference(_ ref: String) -> (column: Int, row: Int)? {
        var column = 0, row = 0, sawDigit = false
        for u in ref.utf8 {
            switch u {
            case 65...90, 97...122:
                guard !sawDigit, column < 100_000 else { return nil }
                column = column * 26 + Int((u & 0xDF) - 64)
            case 48...57:
                sawDigit = true
                row = row * 10 + Int(u - 48)
                guard row <= maxRow else { return nil }
            case 36: continue // $A$1
            default: return nil
            }
        }
        return column > 0 && row > 0 ? (column, row) : nil
    }

    struct SheetReader {
        let file: String
        let sheet: String
        let sharedStrings: [String]
        let styles: [NumberKind]
        let date1904: Bool
        var limits: Limits = .standard

        func place(_ column: Int, _ row: Int) -> SourceLocation {
            SourceLocation(file: file, place: "\(sheet)!\(XLSXLoader.columnName(column))\(row)")
        }

        struct Cell {
            var value: Value
            var location: SourceLocation
            var isEmpty: Bool { if case .string(let s) = value { s.isEmpty } else { false } }
        }

        func table(_ worksheet: XMLElement) throws -> DataSet {
            // Read every cell that holds something, by row and column.
            var grid: [Int: [Int: Cell]] = [:]
            let sheetData = XLSXLoader.elements(in: worksheet, named: "sheetData").first
            var rowNumber = 0
            // What is read but not seen in Excel: formulas' values, hidden rows and columns.
            var formulas: [SourceLocation] = []
            var hidden: [SourceLocation] = []
            let hiddenColumns = XLSXLoader.hiddenColumns(worksheet, upTo: limits.maxColumns)
            for row in sheetData.map({ XLSXLoader.childElements($0, "row") }) ?? [] {
                // Rows and cells may leave out their r="…"; they then follow the one before.
                if let r = row.attributes["r"] {
                    guard let n = Int(r), (1...XLSXLoader.maxRow).contains(n) else {
                        throw DataError("the .xlsx file is damaged (row number '\(r)')", at: SourceLocation(file: file, place: sheet))
                    }
                    rowNumber = n
                } else {
                    rowNumber += 1
                }
                var columnNumber = 0
                for c in XLSXLoader.childElements(row, "c") {
                    var cellRow = rowNumber
                    if let ref = c.attributes["r"] {
                        guard let (column, r) = XLSXLoader.parseReference(ref) else {
                            throw DataError("the .xlsx file is damaged (cell reference '\(ref)')", at: SourceLocation(file: file, place: sheet))
                        }
                        columnNumber = column
                        cellRow = r
                    } else {
                        columnNumber += 1
                    }
                    let location = place(columnNumber, cellRow)
                    if columnNumber > limits.maxColumns {
                        throw DataError("单元格超出第 \(limits.maxColumns) 列，表格不能更宽",
                                        "the cell lies past column \(limits.maxColumns); a table cannot be wider",
                                        at: location)
                    }
                    let value = try cellValue(c, at: location)
                    if case .string(let text) = value, text.utf8.count > limits.maxFieldBytes {
                        throw DataError("单元格的文本超过 \(Limits.size(limits.maxFieldBytes))",
                                        "the cell holds more than \(Limits.size(limits.maxFieldBytes)) of text", at: location)
                    }
                    if case .string(let s) = value, s.isEmpty { continue }
                    grid[cellRow, default: [:]][columnNumber] = Cell(value: value, location: location)
                    if !XLSXLoader.childElements(c, "f").isEmpty { formulas.append(location) }
                    if XLSXLoader.isTrue(row.attributes["hidden"]) || hiddenColumns.contains(columnNumber) { hidden.append(location) }
                }
            }

            // The header: the first row with anything in it.
            guard let headerRow = grid.keys.min() else {
                throw DataError("sheet '\(sheet)' is empty (expected a header row naming the columns)",
                                at: SourceLocation(file: file, place: sheet))
            }
            var names: [Int: String] = [:]
            var seen: [String: Int] = [:]
            for (column, cell) in (grid[headerRow] ?? [:]).sorted(by: { $0.key < $1.key }) {
                let name = cell.value.description.trimmedCell
                guard !name.isEmpty else { continue }
                if let first = seen[name] {
                    throw DataError("the header names '\(name)' twice (columns \(XLSXLoader.columnName(first)) and \(XLSXLoader.columnName(column)))",
                                    at: cell.location)
                }
                seen[name] = column
                names[column] = name
            }

            try fillMergedAreas(worksheet, grid: &grid, below: headerRow, columns: names.keys.max() ?? 0)

            var rows: [Value] = []
            var blankRows: [Int] = []
            var locations: [ValuePath: SourceLocation] = [
                []: SourceLocation(file: file, place: sheet),
                [.key("sheet")]: SourceLocation(file: file, place: sheet),
                [.key("rows")]: place(1, headerRow),
            ]
            let columns = names.sorted { $0.key < $1.key }
            var previousRow = headerRow
            for r in grid.keys.sorted() where r > headerRow {
                blankRows.append(contentsOf: (previousRow + 1)..<r)
                previousRow = r
                let cells = grid[r] ?? [:]
                for (column, cell) in cells.sorted(by: { $0.key < $1.key }) where names[column] == nil {
                    let letter = XLSXLoader.columnName(column)
                    throw DataError("单元格有值，但 \(letter) 列在表头（第 \(headerRow) 行）没有列名（the cell has a value but column \(letter) has no name in the header row \(headerRow)）；"
                                    + "请在第 \(headerRow) 行给 \(letter) 列写上列名；若表头上方有标题行，请删去标题行 (name the column in the header row; if a title row stands above the header, delete it)",
                                    at: cell.location)
                }
                let path: ValuePath = [.key("rows"), .index(rows.count)]
                var object = Record()
                for (column, name) in columns {
                    if let cell = cells[column] {
                        object[name] = cell.value
                        locations[path + [.key(name)]] = cell.location
                    } else {
                        object[name] = .string("")
                        locations[path + [.key(name)]] = place(column, r)
                    }
                }
                locations[path] = place(1, r)
                rows.append(.object(object))
            }
            for (k, r) in blankRows.enumerated() { locations[[.key("skippedBlankLines"), .index(k)]] = place(1, r) }
            let root = Record([
                ("sheet", .string(sheet)),
                ("rows", .array(rows)),
                ("skippedBlankLines", .array(blankRows.map { .number(Double($0)) })),
            ])
            var data = DataSet(root: .object(root), locations: locations)
            if let first = formulas.first {
                data.notes.append(Problem(severity: .note, location: first,
                                          chinese: "工作表“\(sheet)”有 \(formulas.count) 个公式单元格，按 Excel 保存的计算结果读取",
                                          english: "\(formulas.count) formula cell(s) in sheet ‘\(sheet)’ were read as their saved values",
                                          hint: "若结果不对，请在 Excel 中重新计算并保存"))
            }
            if let first = hidden.first {
                data.notes.append(Problem(severity: .warning, location: first,
                                          chinese: "工作表“\(sheet)”有 \(hidden.count) 个有内容的单元格在隐藏的行或列中，已照常读取",
                                          english: "\(hidden.count) cell(s) of sheet ‘\(sheet)’ with values lie in hidden rows or columns; they were read",
                                          hint: "若不应采用，请取消隐藏后删去这些内容"))
            }
            return data
        }

        /// A merged area below the header that spans several rows gives its top-left value to every
        /// cell it covers (in the named columns), as people read such a table ("第一支部" merged
        /// down over its members). An area within one row is a label or title and is left alone.
        func fillMergedAreas(_ worksheet: XMLElement, grid: inout [Int: [Int: Cell]], below headerRow: Int, columns: Int) throws {
            guard let merges = XLSXLoader.elements(in: worksheet, named: "mergeCells").first else { return }
            let rowsPresent = grid.keys.sorted()
            // Every cell an area fills counts against the sheet's cell budget, before it is filled.
            var cells = grid.values.reduce(0) { $0 + $1.count }
            for m in XLSXLoader.childElements(merges, "mergeCell") {
                let ref = m.attributes["ref"] ?? ""
                let parts = ref.split(separator: ":")
                guard parts.count == 2, let from = XLSXLoader.parseReference(String(parts[0])),
                      let to = XLSXLoader.parseReference(String(parts[1])), from.row > headerRow,
                      let source = grid[from.row]?[from.column] else { continue }
                let lastColumn = min(to.column, columns)
                // Across columns of the data, the value would belong to the first column only.
                if lastColumn > from.column {
                    throw DataError("合并单元格 \(ref) 横跨数据的几列，内容只会归入第一列：请取消合并并在每格填值",
                                    "the merged area \(ref) spans several columns of the data, so its value would belong to the first one only; unmerge it and fill every cell",
                                    at: SourceLocation(file: file, place: "\(sheet)!\(ref)"))
                }
                guard to.row > from.row, from.column <= lastColumn else { continue }
                // Rows the sheet does not list at all get the value too, when the area is not huge.
                let fillsAbsentRows = to.row - from.row < 10_000
                let rowCount = fillsAbsentRows ? to.row - from.row + 1
                    : rowsPresent.lazy.filter { $0 >= from.row && $0 <= to.row }.count
                let (area, overflow) = rowCount.multipliedReportingOverflow(by: lastColumn - from.column + 1)
                if overflow || area > limits.maxCells - cells {
                    throw DataError("合并区域 \(ref) 覆盖的单元格太多（工作表最多 \(limits.maxCells) 个），请取消合并或缩小区域",
                                    "the merged area \(ref) covers too many cells (a sheet holds at most \(limits.maxCells)); unmerge it or make it smaller",
                                    at: source.location)
                }
                cells += area
                for r in rowsPresent where r >= from.row && r <= to.row {
                    for column in from.column...lastColumn where grid[r]?[column] == nil {
                        grid[r, default: [:]][column] = source
                    }
                }
                if fillsAbsentRows {
                    for r in from.row...to.row where grid[r] == nil {
                        for column in from.column...lastColumn { grid[r, default: [:]][column] = source }
                    }
                }
            }
        }

        func cellValue(_ c: XMLElement, at location: SourceLocation) throws -> Value {
            let v = XLSXLoader.childElements(c, "v").first.map(XLSXLoader.text)
            let type = c.attributes["t"] ?? "n"
            // A formula is read as the value saved with it (Excel and WPS always save one); one that
            // has none (written by a program, never calculated) would read as an empty cell.
            if !XLSXLoader.childElements(c, "f").isEmpty, type != "inlineStr", type != "str", v.map({ $0.isEmpty }) ?? true {
                throw DataError("公式没有计算结果：请在 Excel 或 WPS 中打开并保存一次，或把公式换成它的值",
                                "the formula has no computed value; open the workbook in Excel or WPS and save it once, or replace the formula by its value",
                                at: location)
            }
            switch type {
            case "s":
                guard let v, let index = Int(v.trimmedCell) else { return .string("") }
                guard sharedStrings.indices.contains(index) else {
                    throw DataError("the .xlsx file is damaged (the cell refers to shared text \(index), but there are \(sharedStrings.count))",
                                    at: location)
                }
                return DateForms.cell(sharedStrings[index].trimmedCell)
            case "inlineStr":
                let text = XLSXLoader.childElements(c, "is").first.map(XLSXLoader.richText) ?? v ?? ""
                return DateForms.cell(text.trimmedCell)
            case "str":
                return DateForms.cell((v ?? "").trimmedCell)
            case "b":
                guard let v else { return .string("") }
                return .bool(v.trimmedCell == "1" || v.trimmedCell.lowercased() == "true")
            case "e":
                throw DataError("the cell shows the Excel error \(v ?? "#VALUE!") (correct the formula, or clear the cell)", at: location)
            case "d":
                guard let v else { return .string("") }
                let day = v.split(separator: "T").first.map(String.init) ?? v
                return DateForms.date(day).map(Value.date) ?? .string(v.trimmedCell)
            default:
                guard let v = v?.trimmedCell, !v.isEmpty else { return .string("") }
                guard let n = Double(v), n.isFinite else {
                    throw DataError("the .xlsx file is damaged (expected a number in the cell, found '\(v)')", at: location)
                }
                let style = c.attributes["s"].flatMap { Int($0) } ?? 0
                switch styles.indices.contains(style) ? styles[style] : .number {
                case .date:
                    guard let d = DateValue(excelSerial: n + (date1904 ? 1462 : 0)) else {
                        throw DataError("the cell is formatted as a date but holds \(v), which is not a date", at: location)
                    }
                    return .date(d)
                case .time:
                    return .string(XLSXLoader.timeText(n))
                case .number:
                    if n == n.rounded(), abs(n) >= 1e10 { return .string(XLSXLoader.integerText(v, n)) }
                    return .number(n)
                }
            }
        }
    }

    /// 0.6041666 → 14:30 (seconds only when there are some).
    static func timeText(_ serial: Double) -> String {
        let seconds = Int(((serial - serial.rounded(.down)) * 86_400).rounded()) % 86_400
        let h = seconds / 3600, m = seconds % 3600 / 60, s = seconds % 60
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(h):\(two(m))" + (s != 0 ? ":\(two(s))" : "")
    }

    /// A whole number as the digits Excel shows: the stored digits when they are plain, else the
    /// number to Excel's 15 significant digits (an 18-digit ID typed as a number has lost the rest).
    static func integerText(_ raw: String, _ n: Double) -> String {
        if raw.allSatisfy({ $0.isASCII && $0.isNumber }) || (raw.first == "-" && raw.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber })) {
            return raw
        }
        let e = String(format: "%.14e", abs(n)) // 1.10101199001011e+17
        let parts = e.split(separator: "e")
        guard parts.count == 2, let exponent = Int(parts[1]) else { return String(format: "%.0f", n) }
        var digits = parts[0].replacingOccurrences(of: ".", with: "")
        while digits.count < exponent + 1 { digits += "0" }
        if digits.count > exponent + 1 { digits = String(digits.prefix(exponent + 1)) }
        return (n < 0 ? "-" : "") + digits
    }

    // MARK: XML helpers

    /// How many elements named `name` (without a namespace prefix) the XML bytes open: `<c ` or
    /// `<c>` or `<c/>`, counted without parsing, to budget cells before the parser builds them.
    static func countTags(_ data: Data, _ name: String) -> Int {
        let tag = Array(name.utf8)
        return data.withUnsafeBytes { raw -> Int in
            let b = raw.bindMemory(to: UInt8.self)
            var count = 0
            var i = 0
            let n = b.count
            while i < n {
                if b[i] == 0x3C, i + tag.count + 1 < n {
                    var matches = true
                    for (k, t) in tag.enumerated() where b[i + 1 + k] != t { matches = false; break }
                    if matches {
                        let after = b[i + 1 + tag.count]
                        if after == 0x20 || after == 0x3E || after == 0x2F || after == 0x09 || after == 0x0A || after == 0x0D {
                            count += 1
                        }
                    }
                }
                i += 1
            }
            return count
        }
    }

    /// An XML boolean attribute: 1 or true.
    static func isTrue(_ attribute: String?) -> Bool { attribute == "1" || attribute == "true" }

    /// The columns up to `last` that a sheet's `<cols>` hides (marked through a difference array, so
    /// that many wide ranges cost no more than one pass over the columns).
    static func hiddenColumns(_ worksheet: XMLElement, upTo last: Int) -> Set<Int> {
        guard last >= 1 else { return [] }
        var marks = [Int](repeating: 0, count: last + 2)
        for col in elements(in: worksheet, named: "col") where isTrue(col.attributes["hidden"]) {
            guard let min = col.attributes["min"].flatMap({ Int($0) }), let max = col.attributes["max"].flatMap({ Int($0) }),
                  min >= 1, max >= min, min <= last else { continue }
            marks[min] += 1
            marks[Swift.min(max, last) + 1] -= 1
        }
        var hidden: Set<Int> = [], depth = 0
        for c in 1...last {
            depth += marks[c]
            if depth > 0 { hidden.insert(c) }
        }
        return hidden
    }

    static func childElements(_ element: XMLElement, _ name: String) -> [XMLElement] {
        element.children.compactMap { if case .element(let e) = $0, e.name == name { e } else { nil } }
    }

    /// Every element named `name` inside `element` (depth first), including itself.
    static func elements(in element: XMLElement, named name: String) -> [XMLElement] {
        var result: [XMLElement] = []
        var stack = [element]
        while let e = stack.popLast() {
            if e.name == name { result.append(e) }
            for child in e.children.reversed() { if case .element(let c) = child { stack.append(c) } }
        }
        return result
    }

    /// The text of an element, with Excel's _x000D_ escapes decoded.
    static func text(_ element: XMLElement) -> String {
        var s = ""
        for child in element.children { if case .text(let t) = child { s += t } }
        return decodeEscapes(s)
    }

    /// The text of a shared or inline string: its <t>, or the <t> of each run; phonetic guides
    /// (<rPh>) are left out.
    static func richText(_ element: XMLElement) -> String {
        var s = ""
        for child in element.children {
            guard case .element(let e) = child else { continue }
            if e.name == "t" { s += text(e) }
            if e.name == "r" { for t in childElements(e, "t") { s += text(t) } }
        }
        return s
    }

    /// Decodes _xHHHH_ (how OOXML writes characters XML cannot hold, such as a carriage return).
    static func decodeEscapes(_ s: String) -> String {
        guard s.contains("_x") else { return s }
        var out = String.UnicodeScalarView()
        let u = Array(s.unicodeScalars)
        var i = 0
        while i < u.count {
            if u[i] == "_", i + 6 < u.count, u[i + 1] == "x", u[i + 6] == "_",
               let code = UInt32(String(String.UnicodeScalarView(u[(i + 2)..<(i + 6)])), radix: 16),
               let scalar = Unicode.Scalar(code) {
                out.append(scalar); i += 7
            } else {
                out.append(u[i]); i += 1
            }
        }
        return String(out)
    }
}
