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
    public static func loadData(_ paths: [String]) throws -> DataSet {
        ProgrammeSchema.normalize(try DataLoader.load(paths))
    }

    /// The problems of the data files.
    public static func check(_ paths: [String]) throws -> [Problem] {
        Validator.check(try loadData(paths))
    }

    /// The content of `template` filled from `dataPaths`. Invalid data is refused unless `force`;
    /// the problems (warnings included) are returned either way.
    public func build(template name: String, data dataPaths: [String], force: Bool = false) throws -> (DocumentContent, [Problem]) {
        let template = try loader.load(name)
        let data = try Self.loadData(dataPaths)
        let problems = Validator.check(data)
        if !force && problems.contains(where: { $0.severity == .error }) { throw InvalidData(problems: problems) }
        let folders = dataPaths.map { (URL(fileURLWithPath: $0).deletingLastPathComponent().path) }
        let realizer = Realizer(loader: loader, dataFolders: folders)
        return (try realizer.realize(template, data: data), problems)
    }
}
