import Foundation
import WenshuCore
import WenshuData
import WenshuTemplate

/// Everything that is wrong with a set of data files, found at once.
public struct InvalidData: WenshuError {
    public var problems: [Problem]
    public init(problems: [Problem]) { self.problems = problems }
    /// The first error stands for them all (the command line prints every one of `problems`).
    public var problem: Problem {
        problems.first { $0.severity == .error } ?? problems.first
            ?? Problem(severity: .error, chinese: "数据有误", english: "the data has problems")
    }
    public var message: String {
        "the data has \(problems.filter { $0.severity == .error }.count) problem(s):\n" + problems.map { "  \($0)" }.joined(separator: "\n")
    }
}

/// Loading, checking and realising: template + data files → content.
public struct DocumentBuilder {
    /// Finds and reads templates; its `world` is where every input is read from.
    public var loader: TemplateLoader
    /// Data files loaded before (in an earlier compile of a session), reused when their bytes are the same.
    public var dataCache: SourceCache<DataSet>?

    public init(templateSearchPaths: [String] = TemplateLoader.defaultSearchPaths(), allowOutside: Bool = false,
                world: any World = FileWorld()) {
        self.loader = TemplateLoader(searchPaths: templateSearchPaths, allowOutside: allowOutside, world: world)
    }

    /// Where templates, data, images and standards are read from.
    public var world: any World { loader.world }

    /// Loads data files (merged in order), with the labels a template's `schema` declares renamed to
    /// its keys (none without a schema). A folder stands for a book: its `book.yaml` (if any) is the
    /// root, and every other data file in it, in name order, one item of `schools` (a compilation's
    /// chapters, read against the schema's `schools` fields).
    public static func loadData(_ paths: [String], schema: FieldSchema? = nil, world: any World = FileWorld(),
                                cache: SourceCache<DataSet>? = nil) throws -> DataSet {
        let checker = schema.map(SchemaChecker.init)
        var merged = DataSet()
        for path in paths {
            if world.isFolder(path) {
                merged.merge(try loadFolder(path, schema: schema, world: world, cache: cache))
            } else {
                let data = try tableAsRecord(try loadFile(path, world: world, cache: cache), path: path, schema: schema, world: world)
                merged.merge(checker?.normalize(data) ?? data)
            }
        }
        return merged
    }

    /// A table (CSV, a worksheet) given for a template whose fields are one document's, read as that
    /// document's record (`TableRecord`: one row, or 项目/内容 columns); the workbook's other sheets
    /// named after a list field fill that list. A sheet that fills nothing is said, not dropped.
    static func tableAsRecord(_ data: DataSet, path: String, schema: FieldSchema?, world: any World) throws -> DataSet {
        guard let schema, schema.field(at: ["rows"]) == nil, var record = TableRecord.record(data) else { return data }
        guard (path as NSString).pathExtension.lowercased() == "xlsx" else { return record }
        let first = data.root["sheet"]?.description
        for sheet in try DataLoader.sheets(path, world: world) where sheet.name != first && sheet.name != FillInWorkbook.instructionsSheet {
            let name = sheet.name.trimmingCharacters(in: .whitespaces)
            let place = SourceLocation(file: path, place: sheet.name)
            guard let field = schema.fields.first(where: { $0.type == .list && $0.names.contains(name) }) else {
                record.notes.append(Problem(severity: .warning, location: place,
                                            chinese: "工作表“\(sheet.name)”未采用：它不是模板中任何列表的名称",
                                            english: "sheet ‘\(sheet.name)’ was not used: no list of the template has that name",
                                            hint: "列表的名称见 wenshu fields；改名或删去这张工作表"))
                continue
            }
            if sheet.hidden {
                // Read, but not silently: the clerk does not see a hidden sheet in Excel.
                record.notes.append(Problem(severity: .warning, location: place,
                                            chinese: "工作表“\(sheet.name)”是隐藏的，已作为“\(field.label)”读取",
                                            english: "the hidden sheet ‘\(sheet.name)’ was read as the list \(field.key)",
                                            hint: "若不应采用，请在 Excel 中取消隐藏后删去这张工作表"))
            }
            TableRecord.attach(try DataLoader.load(path, sheet: sheet.name, world: world), as: field.key, to: &record)
        }
        return record
    }

    /// One data file with its references to long texts (`见 创建报告.docx`) replaced by their text;
    /// from `cache` when its bytes were loaded before (the texts are read again, so an edited report
    /// is never stale).
    static func loadFile(_ path: String, world: any World, cache: SourceCache<DataSet>?) throws -> DataSet {
        let folder = (path as NSString).deletingLastPathComponent
        func finish(_ set: DataSet) throws -> DataSet {
            try LongTextFile.resolveReferences(set, folder: folder.isEmpty ? "." : folder, world: world)
        }
        guard let cache else { return try finish(try DataLoader.load(path, world: world)) }
        let ext = (path as NSString).pathExtension.lowercased()
        // Unsupported names and folders are refused by the loader with its own words.
        guard DataLoader.supportedExtensions.contains(ext), world.entry(path) == .file else {
            return try finish(try DataLoader.load(path, world: world))
        }
        let bytes = try DataLoader.read(path, world: world)
        return try finish(try cache.value(path: path, bytes: bytes) { try DataLoader.load(data: bytes, format: ext, file: path) })
    }

    static func loadFolder(_ folder: String, schema: FieldSchema?, world: any World, cache: SourceCache<DataSet>?) throws -> DataSet {
        guard let names = world.names(in: folder) else {
            throw DataError("cannot read the folder", at: SourceLocation(file: folder))
        }
        let bookChecker = schema.map(SchemaChecker.init)
        let itemChecker = schema.map { SchemaChecker(FieldSchema(fields: $0.field(at: ["schools"])?.fields ?? [])) }
        var book = DataSet()
        if names.contains("book.yaml") {
            let data = try loadFile(folder + "/book.yaml", world: world, cache: cache)
            book = bookChecker?.normalize(data) ?? data
        }
        var schools: [Value] = []
        // Every data file but book.yaml is a school; Word and text files are the texts they refer to.
        let schoolFile = { (name: String) in
            let ext = (name as NSString).pathExtension.lowercased()
            return DataLoader.supportedExtensions.contains(ext) && !LongTextFile.extensions.contains(ext)
        }
        for name in names where name != "book.yaml" && schoolFile(name) {
            let loaded = try loadFile(folder + "/" + name, world: world, cache: cache)
            let item = itemChecker?.normalize(loaded) ?? loaded
            let index = schools.count
            let prefix: ValuePath = [.key("schools"), .index(index)]
            for (path, location) in item.locations { book.locations[prefix + path] = location }
            for (path, label) in item.writtenLabels { book.writtenLabels[prefix + path] = label }
            if book.locations[prefix] == nil { book.locations[prefix] = SourceLocation(file: folder + "/" + name, line: 1, column: 1) }
            var root = item.root
            if case .object(var r) = root {
                r["folder"] = .string(folder)
                root = .object(r)
            }
            schools.append(root)
        }
        if case .object(var r) = book.root {
            r["schools"] = .array(schools)
            book.root = .object(r)
        }
        return book
    }

    /// The problems of the data files against the fields `template` declares (with no template,
    /// only what loading finds), placeholders included unless `allowPlaceholders`.
    public func check(_ paths: [String], template name: String?, allowPlaceholders: Bool = false) throws -> [Problem] {
        guard let name else {
            return try Self.loadData(paths, world: world).notes
        }
        let template = try loader.load(name)
        let schema = try TemplateFields.schema(for: template, world: world)
        let data = try Self.loadData(paths, schema: schema, world: world, cache: dataCache)
        return data.notes + Self.problems(data, schema: schema, template: template, paths: paths, allowPlaceholders: allowPlaceholders)
    }

    /// What is wrong with loaded `data` for `template`.
    static func problems(_ data: DataSet, schema: FieldSchema?, template: Template, paths: [String], allowPlaceholders: Bool) -> [Problem] {
        guard let schema else { return [] }
        let fallback = data.locations[[]] ?? paths.first.map { SourceLocation(file: $0, line: 1, column: 1) }
        var problems: [Problem]
        if schema.field(at: ["rows"]) == nil, case .array(let rows)? = data.root["rows"] {
            // A list (CSV, a sheet) for a template whose fields are one document's: each row is a
            // document, as `wenshu batch` reads it, and its problems name the row's cells.
            problems = listProblems(rows, data: data, schema: schema)
        } else {
            problems = SchemaChecker(schema).check(data, fallback: fallback)
        }
        if !allowPlaceholders { problems += TemplateFields.placeholders(schema, template: template, data: data) }
        return problems
    }

    /// The folders data paths stand in: a folder itself, a file's folder.
    static func folders(of dataPaths: [String], world: any World = FileWorld()) -> [String] {
        dataPaths.map { path in
            if world.isFolder(path) { return path }
            return URL(fileURLWithPath: path).deletingLastPathComponent().path
        }
    }

    /// The problems of each row of a list read as one document of `schema`.
    static func listProblems(_ rows: [Value], data: DataSet, schema: FieldSchema) -> [Problem] {
        var perRow: [Int: [ValuePath: SourceLocation]] = [:]
        for (path, location) in data.locations where path.count >= 2 && path[0] == .key("rows") {
            if case .index(let i) = path[1] { perRow[i, default: [:]][Array(path.dropFirst(2))] = location }
        }
        let checker = SchemaChecker(schema)
        var problems: [Problem] = []
        for (i, row) in rows.enumerated() {
            let rowData = checker.normalize(DataSet(root: row, locations: perRow[i] ?? [:]))
            problems += checker.check(rowData, fallback: data.location(of: [.key("rows"), .index(i)]))
        }
        return problems
    }

    /// The evaluation standard a scoring template uses: the data's `standard` (评估标准) or else the
    /// template's `standard` parameter: a file (relative to the data, then to the template) or a name
    /// under a `standards/` folder of the template or a template it extends.
    static func standard(for template: Template, data: DataSet, dataPaths: [String], world: any World = FileWorld()) throws -> ScoringStandard {
        let given = (data.root["standard"] ?? data.root["评估标准"]).map(\.description)
        guard let name = given ?? template.parameter("standard"), !name.isEmpty else {
            throw DataError("评分模板须指明评估标准：数据中的 standard 或模板参数 standard（a scoring template needs a standard）",
                            at: SourceLocation(file: template.path))
        }
        let dataFolders = folders(of: dataPaths, world: world)
        var candidates: [String] = []
        if name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name.hasSuffix(".json") || name.contains("/") {
            candidates += (dataFolders + template.folders).map { $0 + "/" + name }
            if name.hasPrefix("/") { candidates.insert(name, at: 0) }
        } else {
            candidates += template.folders.flatMap { ["\($0)/standards/\(name).yaml", "\($0)/standards/\(name).yml"] }
        }
        guard let path = candidates.first(where: { world.exists($0) }) else {
            let known = template.folders.flatMap { folder in
                (world.names(in: folder + "/standards") ?? [])
                    .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }
            }.sorted()
            throw DataError("找不到评估标准“\(name)”（no scoring standard ‘\(name)’）" + (known.isEmpty ? "" : "；可用的有：\(known.joined(separator: "、"))"),
                            at: data.location(of: [.key("standard")]) ?? SourceLocation(file: template.path))
        }
        return try ScoringStandard.load(path, world: world)
    }

    /// The content of `template` filled from `dataPaths`. Data that breaks the template's fields is
    /// refused unless `force`, a placeholder parameter about to print unless `allowPlaceholders`;
    /// the problems (warnings included) are returned either way. With `simplex`, or a template whose
    /// `sides` parameter is `simplex`, odd-page starts insert no blank pages (one-sided printing).
    public func build(template name: String, data dataPaths: [String], force: Bool = false,
                      allowPlaceholders: Bool = false, simplex: Bool = false) throws -> (DocumentContent, [Problem]) {
        let template = try loader.load(name)
        let schema = try TemplateFields.schema(for: template, world: world)
        var data = try Self.loadData(dataPaths, schema: schema, world: world, cache: dataCache)
        var problems = data.notes + Self.problems(data, schema: schema, template: template, paths: dataPaths, allowPlaceholders: allowPlaceholders)
        if !template.computes.isDisjoint(with: ["scoring", "scoring-blank", "scoring-summary"]) {
            let standard = try Self.standard(for: template, data: data, dataPaths: dataPaths, world: world)
            var found: [Problem] = []
            // A summary extends the sheet's template (and its `compute`), but sums a folder of sheets:
            // one or the other, never both.
            if template.computes.contains("scoring-summary") {
                (data, found) = ScoringSheet.summarize(data, standard: standard)
            } else if template.computes.contains("scoring") {
                (data, found) = ScoringSheet.compute(data, standard: standard)
            }
            if template.computes.contains("scoring-blank") { data = ScoringSheet.blank(data, standard: standard) }
            problems += found
        }
        if !force && problems.contains(where: { $0.severity == .error }) { throw InvalidData(problems: problems) }
        let realizer = Realizer(loader: loader, dataFolders: Self.folders(of: dataPaths, world: world))
        let content = try realizer.realize(template, data: data)
        return (try Self.sides(template) == "simplex" || simplex ? content.simplex() : content, problems)
    }

    /// The template's `sides` parameter: duplex (the default: odd-page starts get a blank back) or simplex.
    static func sides(_ template: Template) throws -> String {
        let value = template.parameter("sides") ?? "duplex"
        guard value == "duplex" || value == "simplex" else {
            throw TemplateError("参数 sides=“\(value)”不可用：应为 duplex（双面，奇数页起始前补空白页）或 simplex（单面，不补）",
                                "sides: expected duplex or simplex", at: SourceLocation(file: template.path))
        }
        return value
    }
}
