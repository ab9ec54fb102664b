import Foundation
import WenshuCore
import WenshuData
import WenshuTemplate

/// Everything that is wrong with a set of data files, found at once.
public struct InvalidData: WenshuError {
    public var problems: [Problem]
    public var message: String {
        "the data has \(problems.filter { $0.severity == .error }.count) problem(s):\n" + problems.map { "  \($0)" }.joined(separator: "\n")
    }
}

/// Loading, checking and realising: template + data files → content.
public struct DocumentBuilder {
    public var loader: TemplateLoader

    public init(templateSearchPaths: [String] = TemplateLoader.defaultSearchPaths(), allowOutside: Bool = false) {
        self.loader = TemplateLoader(searchPaths: templateSearchPaths, allowOutside: allowOutside)
    }

    /// Loads data files (merged in order), with the labels a template's `schema` declares renamed to
    /// its keys (none without a schema). A folder stands for a book: its `book.yaml` (if any) is the
    /// root, and every other data file in it, in name order, one item of `schools` (a compilation's
    /// chapters, read against the schema's `schools` fields).
    public static func loadData(_ paths: [String], schema: FieldSchema? = nil) throws -> DataSet {
        let checker = schema.map(SchemaChecker.init)
        var merged = DataSet()
        for path in paths {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
                merged.merge(try loadFolder(path, schema: schema))
            } else {
                let data = try DataLoader.load(path)
                merged.merge(checker?.normalize(data) ?? data)
            }
        }
        return merged
    }

    static func loadFolder(_ folder: String, schema: FieldSchema?) throws -> DataSet {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        let bookChecker = schema.map(SchemaChecker.init)
        let itemChecker = schema.map { SchemaChecker(FieldSchema(fields: $0.field(at: ["schools"])?.fields ?? [])) }
        var book = DataSet()
        if names.contains("book.yaml") {
            let data = try DataLoader.load(folder + "/book.yaml")
            book = bookChecker?.normalize(data) ?? data
        }
        var schools: [Value] = []
        for name in names where name != "book.yaml" && DataLoader.supportedExtensions.contains((name as NSString).pathExtension.lowercased()) {
            let loaded = try DataLoader.load(folder + "/" + name)
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
            _ = try Self.loadData(paths)
            return []
        }
        let template = try loader.load(name)
        let schema = try TemplateFields.schema(for: template)
        let data = try Self.loadData(paths, schema: schema)
        return Self.problems(data, schema: schema, template: template, paths: paths, allowPlaceholders: allowPlaceholders)
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
    static func folders(of dataPaths: [String]) -> [String] {
        dataPaths.map { path in
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue { return path }
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
    static func standard(for template: Template, data: DataSet, dataPaths: [String]) throws -> ScoringStandard {
        let given = (data.root["standard"] ?? data.root["评估标准"]).map(\.description)
        guard let name = given ?? template.parameter("standard"), !name.isEmpty else {
            throw DataError("评分模板须指明评估标准：数据中的 standard 或模板参数 standard（a scoring template needs a standard）",
                            at: SourceLocation(file: template.path))
        }
        let dataFolders = folders(of: dataPaths)
        var candidates: [String] = []
        if name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name.hasSuffix(".json") || name.contains("/") {
            candidates += (dataFolders + template.folders).map { $0 + "/" + name }
            if name.hasPrefix("/") { candidates.insert(name, at: 0) }
        } else {
            candidates += template.folders.flatMap { ["\($0)/standards/\(name).yaml", "\($0)/standards/\(name).yml"] }
        }
        guard let path = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            let known = template.folders.flatMap { folder in
                ((try? FileManager.default.contentsOfDirectory(atPath: folder + "/standards")) ?? [])
                    .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }
            }.sorted()
            throw DataError("找不到评估标准“\(name)”（no scoring standard ‘\(name)’）" + (known.isEmpty ? "" : "；可用的有：\(known.joined(separator: "、"))"),
                            at: data.location(of: [.key("standard")]) ?? SourceLocation(file: template.path))
        }
        return try ScoringStandard.load(path)
    }

    /// The content of `template` filled from `dataPaths`. Data that breaks the template's fields is
    /// refused unless `force`, a placeholder parameter about to print unless `allowPlaceholders`;
    /// the problems (warnings included) are returned either way.
    public func build(template name: String, data dataPaths: [String], force: Bool = false,
                      allowPlaceholders: Bool = false) throws -> (DocumentContent, [Problem]) {
        let template = try loader.load(name)
        let schema = try TemplateFields.schema(for: template)
        var data = try Self.loadData(dataPaths, schema: schema)
        var problems = Self.problems(data, schema: schema, template: template, paths: dataPaths, allowPlaceholders: allowPlaceholders)
        if !template.computes.isDisjoint(with: ["scoring", "scoring-blank", "scoring-summary"]) {
            let standard = try Self.standard(for: template, data: data, dataPaths: dataPaths)
            var found: [Problem] = []
            if template.computes.contains("scoring") { (data, found) = ScoringSheet.compute(data, standard: standard) }
            if template.computes.contains("scoring-summary") { (data, found) = ScoringSheet.summarize(data, standard: standard) }
            if template.computes.contains("scoring-blank") { data = ScoringSheet.blank(data, standard: standard) }
            problems += found
        }
        if !force && problems.contains(where: { $0.severity == .error }) { throw InvalidData(problems: problems) }
        let realizer = Realizer(loader: loader, dataFolders: Self.folders(of: dataPaths))
        return (try realizer.realize(template, data: data), problems)
    }
}
