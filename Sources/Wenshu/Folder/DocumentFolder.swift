import Foundation
import WenshuCore
import WenshuData
import WenshuDocx
import WenshuTemplate

/// One document's own folder, the new user's path (issue 12): `wenshu new application 青石桥小学/`
/// makes it with the workbook to fill (申报书填写.xlsx), a Word file for each long text
/// (创建报告.docx, which the workbook names: 见 创建报告.docx), a README.txt saying the three steps,
/// and `wenshu.yaml`, which names the template; `wenshu check 青石桥小学/` and
/// `wenshu build 青石桥小学/` then need nothing else. The names come from the template's fields
/// (`document: 申报书`, each long text's label), not from Swift.
public struct DocumentFolder: Sendable, Equatable {
    /// The file that makes a folder a document folder and names its template.
    public static let markerName = "wenshu.yaml"
    /// The README a clerk opens first.
    public static let readmeName = "README.txt"
    /// Long texts at least this long get a Word file of their own (a report, not an opinion line).
    public static let wordFileLength = 1000

    /// The folder, as given.
    public var path: String
    /// The template's name (or path).
    public var template: String
    /// The workbook's file name in the folder (申报书填写.xlsx).
    public var workbook: String
    /// The document's file name in the folder (申报书.pdf).
    public var output: String

    public init(path: String, template: String, workbook: String, output: String) {
        self.path = path; self.template = template; self.workbook = workbook; self.output = output
    }

    /// The data files a build reads: the workbook (the texts it names are found beside it).
    public var dataPaths: [String] { [file(workbook)] }
    /// Where the document is written unless -o says otherwise.
    public var outputPath: String { file(output) }

    func file(_ name: String) -> String {
        path.hasSuffix("/") ? path + name : path + "/" + name
    }

    /// The document folder at `path`: nil when `path` is not a folder or has no `wenshu.yaml`.
    public static func open(_ path: String, world: any World = FileWorld()) throws -> DocumentFolder? {
        guard world.isFolder(path), let names = world.names(in: path), names.contains(markerName) else { return nil }
        let markerPath = (path.hasSuffix("/") ? path : path + "/") + markerName
        let marker = try DataLoader.load(markerPath, world: world)
        func text(_ key: String) throws -> String {
            guard case .string(let s)? = marker.root[key], !s.isEmpty, !s.contains("/") else {
                throw DataError("\(markerName) 中缺少 \(key)（它由 wenshu new 写出，请勿改动；可重新运行 wenshu new 建一个文件夹）",
                                "\(markerName) has no \(key): it is written by wenshu new; make the folder again with wenshu new",
                                at: marker.location(of: [.key(key)]) ?? SourceLocation(file: markerPath))
            }
            return s
        }
        var folder = DocumentFolder(path: path, template: try text("template"), workbook: try text("workbook"), output: try text("output"))
        // A workbook renamed by hand is still found when it is the folder's only one.
        if !names.contains(folder.workbook) {
            let workbooks = names.filter { $0.lowercased().hasSuffix(".xlsx") && !$0.hasPrefix("~$") }
            guard workbooks.count == 1, let only = workbooks.first else {
                throw DataError("文件夹中找不到工作簿 \(folder.workbook)：请把填好的工作簿以此名放回文件夹",
                                "the folder has not the workbook named in wenshu.yaml: put the filled workbook back under that name",
                                at: SourceLocation(file: markerPath))
            }
            folder.workbook = only
        }
        return folder
    }

    /// Data paths with each document folder among them replaced by its workbook (so that
    /// `wenshu build application 青石桥小学/` reads the folder's workbook, not every file in it).
    public static func expand(_ paths: [String], world: any World = FileWorld()) throws -> [String] {
        try paths.flatMap { try open($0, world: world)?.dataPaths ?? [$0] }
    }

    /// Makes the folder of a new document for `template` at `path`: the workbook (its fields'
    /// examples filled in with `example`), a Word file per long text, README.txt and wenshu.yaml.
    /// A folder that exists must be empty; on any failure what was made is removed again.
    @discardableResult
    public static func create(template: String, at path: String, loader: TemplateLoader, example: Bool = false) throws -> DocumentFolder {
        let loaded = try loader.load(template)
        guard let schema = try TemplateFields.schema(for: loaded) else {
            throw DataError("模板 \(template) 没有声明字段，无法生成填写用的工作簿", "the template \(template) declares no fields",
                            at: SourceLocation(file: loaded.path))
        }
        let made = try makeEmptyFolder(path)
        let document = schema.document ?? template
        let folder = DocumentFolder(path: path, template: template, workbook: "\(document)填写.xlsx", output: "\(document).pdf")
        do {
            var workbook = FillInWorkbook.make(schema, template: template, example: example)
            let texts = schema.fields.filter { $0.type == .longText && max($0.about ?? 0, $0.max ?? 0) >= wordFileLength }
            for field in texts {
                let name = "\(field.label).docx"
                refer(field.label, to: name, in: &workbook)
                try DocxWriter(content: exampleText(field)).write(to: folder.file(name))
            }
            try workbook.write(to: folder.file(folder.workbook))
            try AtomicFile.write(Data(folder.marker(document: document).utf8), to: folder.file(markerName))
            let readme = folder.readme(document: document, texts: texts.map { "\($0.label).docx" })
            try AtomicFile.write(Data([0xEF, 0xBB, 0xBF]) + Data(readme.utf8), to: folder.file(readmeName))
        } catch {
            if made { try? FileManager.default.removeItem(atPath: path) }
            else { for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] { try? FileManager.default.removeItem(atPath: folder.file(name)) } }
            throw error
        }
        return folder
    }

    /// Creates the folder, or checks that the one there is empty; true when it was created.
    static func makeEmptyFolder(_ path: String) throws -> Bool {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            guard isFolder.boolValue else {
                throw DataError("\(path) 已是一个文件，不是文件夹：请换一个名称", "that is a file, not a folder: choose another name",
                                at: SourceLocation(file: path))
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            guard names.isEmpty else {
                throw DataError("文件夹 \(path) 已存在且不是空的：为免覆盖其中的文件，请换一个名称或先清空它",
                                "the folder exists and is not empty: choose another name or empty it (nothing is overwritten)",
                                at: SourceLocation(file: path))
            }
            return false
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw AtomicFile.WriteError(path: path, chinese: "无法建立文件夹", english: "cannot make the folder: \(error.localizedDescription)")
        }
        return true
    }

    /// Puts `见 NAME` in the workbook's value cell of the field labelled `label` (its 基本信息 row).
    static func refer(_ label: String, to name: String, in workbook: inout WorkbookWriter) {
        guard let sheet = workbook.sheets.indices.first else { return }
        for (r, row) in workbook.sheets[sheet].rows.enumerated() where row.first == .text(label) && row.count > 1 {
            workbook.sheets[sheet].rows[r][1] = .text("见 \(name)")
        }
    }

    /// The example Word file of a long text: what to write (the field's help) and a report's
    /// headings at each level, so the clerk sees how 一、（一）1.（1） print.
    static func exampleText(_ field: FieldSchema.Field) -> DocumentContent {
        let limit = field.max.map { "不超过 \($0) 字" } ?? field.about.map { "\($0) 字左右" }
        let source = """
            （这是示例，请把全文换成本单位的“\(field.label)”：\(field.help ?? limit ?? "")。\
            以“一、”“（一）”“1.”“（1）”开头的段落印作各级标题。改好后保存，再运行 wenshu build。）

            一、基本情况

            学校党支部现有党员若干名。本段写学校和党组织的基本情况。

            二、主要做法

            （一）建强组织

            本段写具体做法。

            1.第一项措施

            本段写措施的内容和成效。

            三、取得成效

            本段写取得的成效和下一步打算。
            """
        return DocumentContent(info: DocumentInfo(title: field.label), blocks: ReportDocument(title: nil, text: ReportText(source)).blocks)
    }

    /// wenshu.yaml: the template and the files' names.
    func marker(document: String) -> String {
        """
        # wenshu（文书）文件夹：wenshu check 和 wenshu build 按此找模板和文件，请勿删除或改动。
        # A Wenshu document folder: check and build read the template and file names here.
        template: \(template)
        workbook: \(workbook)
        output: \(output)

        """
    }

    /// README.txt: the three steps, with the exact commands (the folder as it was given).
    func readme(document: String, texts: [String]) -> String {
        let name = path.hasSuffix("/") ? String(path.dropLast()) : path
        let quoted = name.contains(" ") ? "\"\(name)\"" : name
        var lines = [
            "\(document)（wenshu 文书）",
            "",
            "本文件夹中的文件：",
            "  \(workbook)    用 Excel 或 WPS 填写的工作簿",
        ]
        for t in texts { lines.append("  \(t)    示例文稿，用 Word 或 WPS 改写成本单位的内容") }
        lines += [
            "  \(Self.markerName)    记下本文件夹所用的模板（\(template)），请勿删除或改动",
            "",
            "三步：",
            "",
            "一、填写",
            "  打开 \(workbook)，在“基本信息”表的“内容”一栏逐项填写（“说明”一栏写明是否必填和字数限制），",
            "  列表（如成果、照片）各占一张表，每行一项。填好后保存，文件名不要改。",
        ]
        if !texts.isEmpty {
            lines.append("  再用 Word 或 WPS 打开 \(texts.joined(separator: "、"))，把示例换成本单位的文稿，保存。")
        }
        lines += [
            "",
            "二、检查",
            "  在建立本文件夹时所在的位置（命令行窗口）运行：",
            "      wenshu check \(quoted)",
            "  每个问题一行，写明在哪个单元格（如 基本信息!B2）和怎样改。改好、保存后再检查，直到显示“没有问题”。",
            "",
            "三、生成",
            "  运行：",
            "      wenshu build \(quoted)",
            "  生成 \(name)/\(output)。打印时选 A4 纸、“实际大小”（不缩放），\(document)请双面打印。",
            "",
            "详细说明见 docs/guide-clerk.md。",
            "",
        ]
        return lines.joined(separator: "\r\n")
    }
}
