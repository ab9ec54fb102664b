import Foundation
import WenshuCore
import WenshuData

/// The text of a template file, kept to point errors at a line and column.
struct SourceFile: Sendable {
    var path: String
    var lines: [Substring]

    init(path: String, text: String) {
        self.path = path
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The folder of the file ("." for a bare file name, so that includes beside it are found).
    var folder: String {
        let f = (path as NSString).deletingLastPathComponent
        return f.isEmpty ? "." : f
    }

    /// The line and column (1-based) of `needle` at or after `line`; the line alone when not found.
    func locate(_ needle: String, from line: Int) -> SourceLocation {
        guard line >= 1 else { return SourceLocation(file: path) }
        // libxml2 counts a lone \r as a line end and `lines` does not, so its line may lie past them.
        guard line <= lines.count else { return SourceLocation(file: path, line: line) }
        for n in (line - 1)..<lines.count {
            if let r = lines[n].range(of: needle) {
                return SourceLocation(file: path, line: n + 1, column: lines[n].distance(from: lines[n].startIndex, to: r.lowerBound) + 1)
            }
        }
        return SourceLocation(file: path, line: line)
    }

    func at(_ line: Int) -> SourceLocation { SourceLocation(file: path, line: line) }
}

/// A template read from its XML and compiled: parameters, page masters, named styles and the body
/// as typed trees (see `TemplateNode`), after inheritance (`extends`) has been resolved. Elements
/// keep the file they came from.
public struct Template: Sendable {
    /// A parameter: its name, its default value as written and parsed, and where it was written.
    struct Parameter: Sendable {
        var name: String
        var value: String
        var filled: Interpolation
        var place: SourceLocation
    }

    /// Parameters with their default values (text that may hold {{ }}), in order.
    var parameters: [Parameter] = []
    var pages: [String: (node: TemplateNode, source: SourceFile)] = [:]
    var pageOrder: [String] = []
    var styles: [String: (node: TemplateNode, source: SourceFile)] = [:]
    var body: (node: TemplateNode, source: SourceFile)?
    /// The document's properties (title, author…), parsed.
    var info: [String: Interpolation] = [:]
    /// The file the template was loaded from.
    public var path: String
    /// The folders includes and images may come from.
    var roots: [String]

    /// Computations the template needs before it is filled (`<template compute="scoring">`).
    public var computes: Set<String> = []

    /// The parameters' names, in order.
    public var parameterNames: [String] { parameters.map(\.name) }

    /// A parameter's value as written (the last definition wins, as with `extends`).
    public func parameter(_ name: String) -> String? { parameters.last { $0.name == name }?.value }

    /// The folders the template and the templates it extends live in, its own first.
    public var folders: [String] { roots }

    /// Parameters a list's column of the same name may change per row (`<param overridable="true">`);
    /// the others a batch list cannot override (a column "issuer" must not reissue a certificate).
    public var overridableParameters: Set<String> = []

    /// The pages one document of this template has (`<template pages="1">`): a batch row that
    /// runs longer does not fit and is skipped. Nil: judged from the template filled with short values.
    public var declaredPages: Int?
}

/// Finds, reads and checks templates: a name under the template folders (`templates/notice/
/// template.xml` or `templates/notice.xml`) or a path. Resolves `extends`, refuses unknown
/// elements and attributes with their line, and keeps includes inside the allowed folders.
public struct TemplateLoader: Sendable {
    /// Folders searched for template names, in order.
    public var searchPaths: [String]
    /// Let includes and images come from anywhere (off: only from the template's and data's folders).
    public var allowOutside: Bool
    /// Where template files, fragments and images are read from.
    public var world: any World
    /// Files parsed before (in an earlier compile of a session), reused when their bytes are the same.
    public var cache: TemplateCache?

    public init(searchPaths: [String], allowOutside: Bool = false, world: any World = FileWorld(), cache: TemplateCache? = nil) {
        self.searchPaths = searchPaths; self.allowOutside = allowOutside
        self.world = world; self.cache = cache
    }

    /// The folders a run searches by default: $WENSHU_TEMPLATES, $WENSHU_HOME/templates, ./templates,
    /// the templates folder of the checkout the binary was built in or of its installed prefix
    /// (`../share/wenshu/templates`), /usr/share/wenshu/templates (see `ResourceFolders`).
    public static func defaultSearchPaths(binary: String = CommandLine.arguments[0]) -> [String] {
        ResourceFolders.searchPaths("templates", environment: "WENSHU_TEMPLATES", binary: binary)
    }

    /// The file a template name or path stands for.
    public func resolve(_ nameOrPath: String, from folder: String? = nil) throws -> String {
        if nameOrPath.hasSuffix(".xml") || nameOrPath.contains("/") {
            let candidates = [nameOrPath] + (folder.map { [$0 + "/" + nameOrPath] } ?? [])
            for c in candidates where world.exists(c) { return (c as NSString).standardizingPath }
            throw TemplateError("template file not found: \(nameOrPath)", at: nil)
        }
        var tried: [String] = []
        for dir in (folder.map { [$0] } ?? []) + searchPaths {
            for c in ["\(dir)/\(nameOrPath)/template.xml", "\(dir)/\(nameOrPath).xml"] {
                tried.append(c)
                if world.exists(c) { return (c as NSString).standardizingPath }
            }
        }
        throw TemplateError("没有名为 ‘\(nameOrPath)’ 的模板", "no template named ‘\(nameOrPath)’ (looked in \(searchPaths.joined(separator: ", ")))",
                            hint: Suggestion.hint(for: nameOrPath, among: names()), at: nil)
    }

    /// The template names the search folders hold: a folder with a template.xml, or a NAME.xml.
    public func names() -> [String] {
        var found: Set<String> = []
        for dir in searchPaths {
            for entry in world.names(in: dir) ?? [] {
                if entry.hasSuffix(".xml") { found.insert(String(entry.dropLast(4))) }
                else if world.exists("\(dir)/\(entry)/template.xml") { found.insert(entry) }
            }
        }
        return found.sorted()
    }

    /// Loads a template by name or path.
    public func load(_ nameOrPath: String) throws -> Template {
        try load(path: try resolve(nameOrPath), depth: 0)
    }

    /// The largest template or fragment file read, in bytes (1 MB; the largest shipped is 6 KB).
    static let maxFileBytes = 1 << 20

    /// Reads and compiles a template or fragment file.
    func read(_ path: String) throws -> (TemplateNode, SourceFile) {
        let data: Data
        do { data = try world.read(path, limit: TemplateLoader.maxFileBytes) } catch {
            throw TemplateError("无法读取模板（cannot read the template）：\(error.reason)", at: error.location)
        }
        guard let cache else { return try parse(data, path: path) }
        let parsed = try cache.files.value(path: path, bytes: data) {
            let (root, source) = try parse(data, path: path)
            return TemplateCache.Parsed(root: root, source: source)
        }
        return (parsed.root, parsed.source)
    }

    /// The checked element tree of a template or fragment file's bytes.
    private func parse(_ data: Data, path: String) throws -> (TemplateNode, SourceFile) {
        guard !data.isEmpty else {
            throw TemplateError("模板是空文件（the template file is empty）；请写入 <template> 或 <fragment>", at: SourceLocation(file: path))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw TemplateError("模板不是 UTF-8 文本（the template is not UTF-8 text）；请另存为 UTF-8", at: SourceLocation(file: path))
        }
        let root: XMLElement
        do { root = try XMLReader.parse(data, file: path) } catch let e as XMLError {
            throw TemplateError(XMLProblem.describe(e.message), at: e.location)
        }
        let source = SourceFile(path: path, text: text)
        return (try TemplateCompiler(source: source).compile(root), source)
    }

    private func load(path: String, depth: Int) throws -> Template {
        let (root, source) = try read(path)
        guard root.kind == .template else {
            throw TemplateError("模板的根元素应为 <template>，这里是 <\(root.name)>（expected <template> as the root element, found <\(root.name)>）", at: root.place)
        }
        var template: Template
        if let parent = root["extends"] {
            guard depth < 8 else { throw TemplateError("templates extend each other in a loop", at: root.place) }
            template = try load(path: try resolve(parent, from: source.folder), depth: depth + 1)
            template.path = path
            template.roots.append(source.folder)
        } else {
            template = Template(path: path, roots: [source.folder])
        }
        for c in (root["compute"] ?? "").split(separator: " ") { template.computes.insert(String(c)) }
        if case .decoded(.integer(let n))? = root.attributes["pages"]?.form { template.declaredPages = n }
        for e in root.elements {
            switch e.kind {
            case .param:
                guard let name = e["name"] else { continue }
                let value = e["value"] ?? e["default"] ?? e.textContent
                if case .decoded(.flag(let yes))? = e.attributes["overridable"]?.form, yes {
                    template.overridableParameters.insert(name)
                } else {
                    template.overridableParameters.remove(name)
                }
                let parameter = Template.Parameter(name: name, value: value, filled: try Interpolation(value, source: source, line: e.line),
                                                   place: e.place)
                if let i = template.parameters.firstIndex(where: { $0.name == name }) {
                    template.parameters[i] = parameter
                } else {
                    template.parameters.append(parameter)
                }
            case .page:
                let name = e["name"] ?? "default"
                if template.pages[name] == nil { template.pageOrder.append(name) }
                template.pages[name] = (e, source)
            case .style:
                guard let name = e["name"] else { continue }
                template.styles[name] = (e, source)
            case .body:
                template.body = (e, source)
            case .info:
                for (k, a) in e.attributes { template.info[k] = try Interpolation(a.raw, source: source, line: e.line) }
            default:
                break
            }
        }
        return template
    }
}

extension TemplateNode {
    /// The element's text, children's included.
    var textContent: String {
        children.map { node -> String in
            switch node {
            case .text(let t): t.raw
            case .element(let e): e.textContent
            }
        }.joined()
    }
}
