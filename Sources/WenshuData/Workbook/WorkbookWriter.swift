import Foundation
import WenshuCore
import ZIPFoundation

/// Writes a simple Excel workbook (.xlsx): sheets of rows of text, numbers and dates, a bold header
/// row, column widths, each cell's format (text, date, number), and Excel's data validation on cells
/// and ranges (dates, whole numbers, choices, text length) with an input message (the help text
/// Excel and WPS show when a cell is chosen) and an error message in Chinese. Only the parts Excel
/// needs, text as inline strings; written through ZIPFoundation to a temporary file beside the
/// target and renamed when whole.
public struct WorkbookWriter: Sendable {
    public enum Cell: Sendable, Equatable {
        case text(String)
        case number(Double)
        /// A date, in a date-formatted cell.
        case date(DateValue)
        case empty
    }

    /// How a cell below the header shows what is typed in it (its style in styles.xml): text (`@`:
    /// a phone number or an ID stays as typed), a date (what is typed is read as a date, shown as
    /// 2023年10月15日), or a number.
    public enum Format: Int, Sendable, Equatable {
        case text = 2, date = 3, number = 4
    }

    /// Excel's data validation of a cell or range (`<dataValidation>`): what it accepts, the input
    /// message shown when the cell is chosen, and the message shown when it refuses a value (or,
    /// with `warning`, only warns).
    public struct Validation: Sendable, Equatable {
        public enum Rule: Sendable, Equatable {
            /// Only the input message.
            case any
            /// A date between the two (inclusive).
            case date(from: DateValue, to: DateValue)
            /// A whole number at least this.
            case whole(minimum: Int)
            /// One of these values (a drop-down list).
            case list([String])
            /// Text of at most this many characters.
            case textLength(max: Int)
        }
        /// A cell or range: B3, C2:C1000.
        public var range: String
        public var rule: Rule
        /// The help shown when the cell is chosen (Excel keeps 255 characters).
        public var prompt: String
        public var promptTitle = "填写说明"
        /// What Excel says of a value it does not accept.
        public var errorTitle = ""
        public var error = ""
        /// Warn (the clerk may keep the value) rather than refuse.
        public var warning = false

        public init(range: String, rule: Rule = .any, prompt: String, errorTitle: String = "", error: String = "", warning: Bool = false) {
            self.range = range; self.rule = rule; self.prompt = prompt; self.errorTitle = errorTitle; self.error = error; self.warning = warning
        }
    }

    public struct Sheet: Sendable {
        public var name: String
        public var rows: [[Cell]]
        /// Column widths in characters (Excel's unit).
        public var widths: [Double] = []
        /// Data validation and input messages.
        public var validations: [Validation] = []
        /// The format of the cells of a column below the header (1-based column → format), text
        /// when not given.
        public var columnFormats: [Int: Format] = [:]
        /// The format of single cells (B5), over their column's.
        public var cellFormats: [String: Format] = [:]
        public init(name: String, rows: [[Cell]], widths: [Double] = [], validations: [Validation] = [],
                    columnFormats: [Int: Format] = [:], cellFormats: [String: Format] = [:]) {
            self.name = name; self.rows = rows; self.widths = widths; self.validations = validations
            self.columnFormats = columnFormats; self.cellFormats = cellFormats
        }
    }

    public var sheets: [Sheet]
    public init(sheets: [Sheet]) { self.sheets = sheets }

    /// Writes the workbook to `path`, whole or not at all: the zip is made in memory (a workbook is
    /// a few kilobytes) and written by the one checked writer (`AtomicFile.Output`: temporary file,
    /// fsync, rename; removed if the process is stopped).
    public func write(to path: String) throws {
        let zip: Data
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for (name, text) in parts() {
                let data = Data(text.utf8)
                try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let bytes = archive.data else { throw DataError("the archive has no bytes", at: nil) }
            zip = bytes
        } catch {
            throw DataError("无法生成工作簿（cannot make the workbook）：\(error)", at: SourceLocation(file: path))
        }
        let output = try AtomicFile.Output(path: path)
        try output.write(zip)
        try output.commit()
    }

    /// The parts of the package, by name.
    func parts() -> [(String, String)] {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let head = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        var parts: [(String, String)] = []
        parts.append(("[Content_Types].xml", head + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
            + #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
            + sheets.indices.map { #"<Override PartName="/xl/worksheets/sheet\#($0 + 1).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"# }.joined()
            + "</Types>"))
        parts.append(("_rels/.rels", head + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + #"<Relationship Id="rId1" Type="\#(rel)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#))
        parts.append(("xl/workbook.xml", head + #"<workbook xmlns="\#(main)" xmlns:r="\#(rel)"><sheets>"#
            + sheets.enumerated().map { #"<sheet name="\#(XMLEscape.escape(String($1.name.prefix(31))))" sheetId="\#($0 + 1)" r:id="rId\#($0 + 1)"/>"# }.joined()
            + "</sheets></workbook>"))
        parts.append(("xl/_rels/workbook.xml.rels", head + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + sheets.indices.map { #"<Relationship Id="rId\#($0 + 1)" Type="\#(rel)/worksheet" Target="worksheets/sheet\#($0 + 1).xml"/>"# }.joined()
            + #"<Relationship Id="rId\#(sheets.count + 1)" Type="\#(rel)/styles" Target="styles.xml"/></Relationships>"#))
        // Style 0: plain; style 1: bold (the header row); style 2: text format (@: Excel keeps a phone
        // number typed there as written), wrapping; style 3: a date (what is typed is read as one);
        // style 4: a number (General).
        parts.append(("xl/styles.xml", head + #"<styleSheet xmlns="\#(main)">"#
            + #"<numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>"#
            + #"<fonts count="2"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="11"/><name val="宋体"/></font></fonts>"#
            + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
            + #"<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>"#
            + #"<cellXfs count="5"><xf fontId="0"/><xf fontId="1" applyFont="1"/><xf numFmtId="49" fontId="0" applyNumberFormat="1" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>"#
            + #"<xf numFmtId="176" fontId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf><xf numFmtId="0" fontId="0" applyAlignment="1"><alignment vertical="top"/></xf></cellXfs>"#
            + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
            + "</styleSheet>"))
        for (i, sheet) in sheets.enumerated() { parts.append(("xl/worksheets/sheet\(i + 1).xml", head + worksheet(sheet, main: main))) }
        return parts
    }

    func worksheet(_ sheet: Sheet, main: String) -> String {
        var xml = #"<worksheet xmlns="\#(main)">"#
        let columns = max(sheet.widths.count, sheet.columnFormats.keys.max() ?? 0)
        if columns > 0 {
            xml += "<cols>" + (1...columns).map { c in
                let width = c <= sheet.widths.count ? sheet.widths[c - 1] : 12
                let style = sheet.columnFormats[c].map { #" style="\#($0.rawValue)""# } ?? ""
                return #"<col min="\#(c)" max="\#(c)" width="\#(width)"\#(style) customWidth="1"/>"#
            }.joined() + "</cols>"
        }
        xml += "<sheetData>"
        for (r, row) in sheet.rows.enumerated() {
            xml += #"<row r="\#(r + 1)">"#
            for (c, cell) in row.enumerated() {
                let ref = XLSXLoader.columnName(c + 1) + String(r + 1)
                let style = r == 0 ? 1 : (sheet.cellFormats[ref] ?? sheet.columnFormats[c + 1] ?? .text).rawValue
                switch cell {
                case .text(let t): xml += #"<c r="\#(ref)" s="\#(style)" t="inlineStr"><is><t xml:space="preserve">\#(XMLEscape.escape(t, quotes: false))</t></is></c>"#
                case .number(let n): xml += #"<c r="\#(ref)" s="\#(style)"><v>\#(n)</v></c>"#
                case .date(let d): xml += #"<c r="\#(ref)" s="\#(Format.date.rawValue)"><v>\#(d.excelSerial)</v></c>"#
                case .empty: xml += #"<c r="\#(ref)" s="\#(style)"/>"#
                }
            }
            xml += "</row>"
        }
        xml += "</sheetData>"
        if !sheet.validations.isEmpty {
            xml += #"<dataValidations count="\#(sheet.validations.count)">"#
            for v in sheet.validations { xml += Self.validation(v) }
            xml += "</dataValidations>"
        }
        return xml + "</worksheet>"
    }

    /// One `<dataValidation>`, its attributes in the schema's order. Excel keeps 255 characters of a
    /// prompt and an error, 32 of a title, and 255 of a list written in the formula.
    static func validation(_ v: Validation) -> String {
        func attr(_ name: String, _ value: String, _ limit: Int) -> String {
            value.isEmpty ? "" : #" \#(name)="\#(XMLEscape.escape(String(value.prefix(limit))))""#
        }
        var type = "none", op = "", formulas: [String] = []
        switch v.rule {
        case .any: break
        case .date(let from, let to):
            type = "date"; op = "between"; formulas = [String(from.excelSerial), String(to.excelSerial)]
        case .whole(let minimum):
            type = "whole"; op = "greaterThanOrEqual"; formulas = [String(minimum)]
        case .list(let values):
            type = "list"; formulas = ["\"" + values.joined(separator: ",") + "\""]
        case .textLength(let max):
            type = "textLength"; op = "lessThanOrEqual"; formulas = [String(max)]
        }
        var xml = #"<dataValidation type="\#(type)""#
        if v.warning { xml += #" errorStyle="warning""# }
        if !op.isEmpty { xml += #" operator="\#(op)""# }
        xml += #" allowBlank="1" showInputMessage="1""#
        if type != "none" { xml += #" showErrorMessage="1""# }
        xml += attr("errorTitle", v.errorTitle, 32) + attr("error", v.error, 255) + attr("promptTitle", v.promptTitle, 32)
            + attr("prompt", v.prompt, 255) + #" sqref="\#(v.range)">"#
        for (i, f) in formulas.enumerated() { xml += "<formula\(i + 1)>\(XMLEscape.escape(f, quotes: false))</formula\(i + 1)>" }
        return xml + "</dataValidation>"
    }
}
