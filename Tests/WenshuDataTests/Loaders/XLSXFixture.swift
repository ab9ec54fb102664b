import Foundation
import ZIPFoundation

/// Builds small .xlsx workbooks for tests: the minimal parts Excel writes ([Content_Types].xml,
/// _rels/.rels, xl/workbook.xml and its rels, xl/styles.xml, xl/sharedStrings.xml and one
/// xl/worksheets/sheetN.xml per sheet), deflated as Excel does.
struct XLSXFixture {
    enum Cell {
        /// Text kept in the shared strings.
        case text(String)
        /// Text split into rich-text runs in the shared strings.
        case rich([String])
        /// Text written inline in the cell (t="inlineStr").
        case inline(String)
        case number(Double)
        /// A number written in E notation, as Excel stores long numbers (1.10101199001011E+17).
        case raw(String)
        /// A serial in a cell with the built-in date format 14 (style 1).
        case date(Double)
        /// A serial in a cell with the custom format yyyy"年"m"月"d"日 (style 2).
        case chineseDate(Double)
        /// A serial in a cell with the built-in time format h:mm (style 3).
        case time(Double)
        case bool(Bool)
        /// A formula's error result, such as #DIV/0!.
        case error(String)
        /// A formula whose cached result is text (t="str").
        case formulaText(String)
        /// A formula with no cached result (written by a program, never calculated).
        case formula(String)
        /// No cell element at all.
        case none
    }

    struct Sheet {
        var name: String
        var rows: [[Cell]]
        /// Merged areas such as "A2:A4".
        var merges: [String] = []
        /// The first row number of `rows` (to start a sheet lower down).
        var firstRow = 1
        var hidden = false
        /// Rows (their numbers) and columns (1-based) hidden in Excel.
        var hiddenRows: Set<Int> = []
        var hiddenColumns: [Int] = []
    }

    var sheets: [Sheet]
    var date1904 = false

    init(sheets: [Sheet], date1904: Bool = false) { self.sheets = sheets; self.date1904 = date1904 }
    init(_ name: String = "Sheet1", rows: [[Cell]], merges: [String] = []) {
        sheets = [Sheet(name: name, rows: rows, merges: merges)]
    }

    /// Writes the workbook to `path`.
    func write(to path: String) throws {
        try XLSXFixture.writeParts(parts(), to: path)
    }

    /// Writes a zip of the given parts (name, XML text) to `path`.
    static func writeParts(_ parts: [(String, String)], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try? FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        for (name, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count),
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func columnName(_ column: Int) -> String {
        var n = column, name = ""
        while n > 0 { name = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + name; n = (n - 1) / 26 }
        return name
    }

    func parts() -> [(String, String)] {
        let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var shared: [String] = []
        var sheetParts: [(String, String)] = []
        for (k, sheet) in sheets.enumerated() {
            var xml = header + "<worksheet xmlns=\"\(main)\" xmlns:r=\"\(rel)\">"
            if !sheet.hiddenColumns.isEmpty {
                xml += "<cols>" + sheet.hiddenColumns.map { "<col min=\"\($0)\" max=\"\($0)\" width=\"0\" hidden=\"1\"/>" }.joined() + "</cols>"
            }
            xml += "<sheetData>"
            for (i, row) in sheet.rows.enumerated() {
                let r = sheet.firstRow + i
                xml += "<row r=\"\(r)\"\(sheet.hiddenRows.contains(r) ? " hidden=\"1\"" : "")>"
                for (j, cell) in row.enumerated() {
                    let ref = "\(XLSXFixture.columnName(j + 1))\(r)"
                    switch cell {
                    case .none: continue
                    case .text(let s):
                        shared.append("<si><t xml:space=\"preserve\">\(XLSXFixture.escape(s))</t></si>")
                        xml += "<c r=\"\(ref)\" t=\"s\"><v>\(shared.count - 1)</v></c>"
                    case .rich(let runs):
                        let body = runs.map { "<r><rPr><b/></rPr><t xml:space=\"preserve\">\(XLSXFixture.escape($0))</t></r>" }.joined()
                        shared.append("<si>\(body)<rPh sb=\"0\" eb=\"1\"><t>ふりがな</t></rPh></si>")
                        xml += "<c r=\"\(ref)\" t=\"s\"><v>\(shared.count - 1)</v></c>"
                    case .inline(let s):
                        xml += "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(XLSXFixture.escape(s))</t></is></c>"
                    case .number(let n):
                        xml += "<c r=\"\(ref)\"><v>\(n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n))</v></c>"
                    case .raw(let s):
                        xml += "<c r=\"\(ref)\"><v>\(s)</v></c>"
                    case .date(let n):
                        xml += "<c r=\"\(ref)\" s=\"1\"><v>\(n)</v></c>"
                    case .chineseDate(let n):
                        xml += "<c r=\"\(ref)\" s=\"2\"><v>\(n)</v></c>"
                    case .time(let n):
                        xml += "<c r=\"\(ref)\" s=\"3\"><v>\(n)</v></c>"
                    case .bool(let b):
                        xml += "<c r=\"\(ref)\" t=\"b\"><v>\(b ? 1 : 0)</v></c>"
                    case .error(let e):
                        xml += "<c r=\"\(ref)\" t=\"e\"><f>1/0</f><v>\(XLSXFixture.escape(e))</v></c>"
                    case .formula(let f):
                        xml += "<c r=\"\(ref)\"><f>\(XLSXFixture.escape(f))</f></c>"
                    case .formulaText(let s):
                        xml += "<c r=\"\(ref)\" t=\"str\"><f>A1&amp;\"\"</f><v>\(XLSXFixture.escape(s))</v></c>"
                    }
                }
                xml += "</row>"
            }
            xml += "</sheetData>"
            if !sheet.merges.isEmpty {
                xml += "<mergeCells count=\"\(sheet.merges.count)\">" + sheet.merges.map { "<mergeCell ref=\"\($0)\"/>" }.joined() + "</mergeCells>"
            }
            xml += "</worksheet>"
            sheetParts.append(("xl/worksheets/sheet\(k + 1).xml", xml))
        }
        let sheetEntries = sheets.enumerated().map { k, s in
            "<sheet name=\"\(XLSXFixture.escape(s.name))\" sheetId=\"\(k + 1)\"\(s.hidden ? " state=\"hidden\"" : "") r:id=\"rId\(k + 1)\"/>"
        }.joined()
        let sheetRels = sheets.indices.map {
            "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
        }.joined()
        let n = sheets.count
        let overrides = sheets.indices.map {
            "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }.joined()
        return [
            ("[Content_Types].xml", header + """
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                \(overrides)\
                <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
                <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
                </Types>
                """),
            ("_rels/.rels", header + """
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="\(rel)/officeDocument" Target="xl/workbook.xml"/>\
                </Relationships>
                """),
            ("xl/workbook.xml", header + """
                <workbook xmlns="\(main)" xmlns:r="\(rel)"><workbookPr\(date1904 ? " date1904=\"1\"" : "")/>\
                <sheets>\(sheetEntries)</sheets></workbook>
                """),
            ("xl/_rels/workbook.xml.rels", header + """
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                \(sheetRels)\
                <Relationship Id="rId\(n + 1)" Type="\(rel)/styles" Target="styles.xml"/>\
                <Relationship Id="rId\(n + 2)" Type="\(rel)/sharedStrings" Target="sharedStrings.xml"/>\
                </Relationships>
                """),
            ("xl/styles.xml", header + """
                <styleSheet xmlns="\(main)">\
                <numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>\
                <fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts>\
                <cellXfs count="4"><xf numFmtId="0" fontId="0"/><xf numFmtId="14" fontId="0" applyNumberFormat="1"/>\
                <xf numFmtId="176" fontId="0" applyNumberFormat="1"/><xf numFmtId="20" fontId="0" applyNumberFormat="1"/></cellXfs>\
                </styleSheet>
                """),
            ("xl/sharedStrings.xml", header + "<sst xmlns=\"\(main)\" count=\"\(shared.count)\" uniqueCount=\"\(shared.count)\">"
                + shared.joined() + "</sst>"),
        ] + sheetParts
    }
}
