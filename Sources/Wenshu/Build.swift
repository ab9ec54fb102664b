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

    /// Loads data files (merged in order) and normalises the forms' labels to the schema's keys.
    /// A folder stands for a book: its `book.yaml` (if any) is the root, and every other data file
    /// in it, in name order, one item of `schools` (a compilation's chapters).
    public static func loadData(_ paths: [String]) throws -> DataSet {
        var merged = DataSet()
        for path in paths {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
                merged.merge(try loadFolder(path))
            } else {
                merged.merge(ProgrammeSchema.normalize(try loadFile(path)))
            }
        }
        return merged
    }

    /// One data file, with its references to long texts (`见 创建报告.docx`) replaced by their text.
    static func loadFile(_ path: String) throws -> DataSet {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return try LongTextFile.resolveReferences(try DataLoader.load(path), folder: folder)
    }

    static func loadFolder(_ folder: String) throws -> DataSet {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        var book = DataSet()
        if names.contains("book.yaml") { book = ProgrammeSchema.normalize(try loadFile(folder + "/book.yaml")) }
        var schools: [Value] = []
        // Every data file but book.yaml is a school; Word and text files are the texts they refer to.
        let schoolFile = { (name: String) in
            let ext = (name as NSString).pathExtension.lowercased()
            return DataLoader.supportedExtensions.contains(ext) && !LongTextFile.extensions.contains(ext)
        }
        for name in names where name != "book.yaml" && schoolFile(name) {
            let item = ProgrammeSchema.normalize(try loadFile(folder + "/" + name))
            let index = schools.count
            for (path, location) in item.locations { book.locations[[.key("schools"), .index(index)] + path] = location }
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

    /// The problems of the data files.
    public static func check(_ paths: [String]) throws -> [Problem] {
        let data = try loadData(paths)
        return data.notes + Validator.check(data)
    }

    /// The folders data paths stand in: a folder itself, a file's folder.
    static func folders(of dataPaths: [String]) -> [String] {
        dataPaths.map { path in
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue { return path }
            return URL(fileURLWithPath: path).deletingLastPathComponent().path
        }
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

    /// The content of `template` filled from `dataPaths`. Invalid data is refused unless `force`;
    /// the problems (warnings included) are returned either way.
    public func build(template name: String, data dataPaths: [String], force: Bool = false) throws -> (DocumentContent, [Problem]) {
        let template = try loader.load(name)
        var data = try Self.loadData(dataPaths)
        var problems = data.notes + Validator.check(data)
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
