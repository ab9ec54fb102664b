import Foundation
import WenshuCore
import ZIPFoundation

/// Writes a simple Excel workbook (.xlsx): sheets of rows of text and numbers, a bold header row,
/// column widths, and an input message (the help text Excel and WPS show when a cell is chosen)
/// per column. Only the parts Excel needs, text as inline strings; written through ZIPFoundation
/// to a temporary file beside the target and renamed when whole.
public struct WorkbookWriter: Sendable {
    public enum Cell: Sendable, Equatable {
        case text(String)
        case number(Double)
        case empty
    }

    public struct Sheet: Sendable {
        public var name: String
        public var rows: [[Cell]]
        /// Column widths in characters (Excel's unit).
        public var widths: [Double] = []
        /// Input messages: a cell or range (B3, C2:C1000) and the help shown when it is chosen.
        public var prompts: [(range: String, text: String)] = []
        public init(name: String, rows: [[Cell]], widths: [Double] = [], prompts: [(range: String, text: String)] = []) {
            self.name = name; self.rows = rows; self.widths = widths; self.prompts = prompts
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
        // number or a date typed there as written), wrapping.
        parts.append(("xl/styles.xml", head + #"<styleSheet xmlns="\#(main)">"#
            + #"<fonts count="2"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="11"/><name val="宋体"/></font></fonts>"#
            + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
            + #"<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>"#
            + #"<cellXfs count="3"><xf fontId="0"/><xf fontId="1" applyFont="1"/><xf numFmtId="49" fontId="0" applyNumberFormat="1" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf></cellXfs>"#
            + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
            + "</styleSheet>"))
        for (i, sheet) in sheets.enumerated() { parts.append(("xl/worksheets/sheet\(i + 1).xml", head + worksheet(sheet, main: main))) }
        return parts
    }

    func worksheet(_ sheet: Sheet, main: String) -> String {
        var xml = #"<worksheet xmlns="\#(main)">"#
        if !sheet.widths.isEmpty {
            xml += "<cols>" + sheet.widths.enumerated().map { #"<col min="\#($0 + 1)" max="\#($0 + 1)" width="\#($1)" customWidth="1"/>"# }.joined() + "</cols>"
        }
        xml += "<sheetData>"
        for (r, row) in sheet.rows.enumerated() {
            xml += #"<row r="\#(r + 1)">"#
            for (c, cell) in row.enumerated() {
                let ref = XLSXLoader.columnName(c + 1) + String(r + 1)
                let style = r == 0 ? 1 : 2
                switch cell {
                case .text(let t): xml += #"<c r="\#(ref)" s="\#(style)" t="inlineStr"><is><t xml:space="preserve">\#(XMLEscape.escape(t, quotes: false))</t></is></c>"#
                case .number(let n): xml += #"<c r="\#(ref)" s="\#(style)"><v>\#(n)</v></c>"#
                case .empty: xml += #"<c r="\#(ref)" s="\#(style)"/>"#
                }
            }
            xml += "</row>"
        }
        xml += "</sheetData>"
        if !sheet.prompts.isEmpty {
            xml += #"<dataValidations count="\#(sheet.prompts.count)">"#
            for (range, prompt) in sheet.prompts {
                xml += #"<dataValidation type="none" allowBlank="1" showInputMessage="1" promptTitle="填写说明" prompt="\#(XMLEscape.escape(String(prompt.prefix(255))))" sqref="\#(range)"/>"#
            }
            xml += "</dataValidations>"
        }
        return xml + "</worksheet>"
    }
}
