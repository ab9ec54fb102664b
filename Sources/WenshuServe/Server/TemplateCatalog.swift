import Foundation
import Wenshu
import WenshuData
import WenshuTemplate

/// The templates the workbench offers: every template the search folders hold that declares its
/// fields (`fields.yaml`), with its Chinese name (the first words of the template file's opening
/// comment, `<!-- 通知: …`) and its fields as `wenshu fields T --json` gives them.
final class TemplateCatalog: @unchecked Sendable {
    struct Entry: Sendable {
        var name: String
        var chinese: String
        var schema: FieldSchema
        var path: String
    }

    let searchPaths: [String]
    private let lock = NSLock()
    private var cached: [Entry]?

    init(searchPaths: [String] = TemplateLoader.defaultSearchPaths()) { self.searchPaths = searchPaths }

    var loader: TemplateLoader { TemplateLoader(searchPaths: searchPaths) }

    /// The templates, by name; read once.
    func entries() -> [Entry] {
        lock.lock(); defer { lock.unlock() }
        if let cached { return cached }
        let loader = self.loader
        let found: [Entry] = loader.names().sorted().compactMap { name in
            guard let template = try? loader.load(name), let schema = try? TemplateFields.schema(for: template) else { return nil }
            return Entry(name: name, chinese: Self.chineseName(of: template.path) ?? name, schema: schema, path: template.path)
        }
        cached = found
        return found
    }

    func entry(_ name: String) throws -> Entry {
        guard let e = entries().first(where: { $0.name == name }) else { throw ServeError.notFound("模板“\(name)”", "template \(name)") }
        return e
    }

    /// `<!-- 通知: a bureau's notice…` → 通知.
    static func chineseName(of path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let head = String(decoding: handle.readData(ofLength: 2048), as: UTF8.self)
        guard let open = head.range(of: "<!--") else { return nil }
        let rest = head[open.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines)
        let name = rest.prefix { $0 != ":" && $0 != "：" && $0 != "," && $0 != "\n" }.trimmingCharacters(in: .whitespaces)
        let han = name.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
        return han && name.count <= 20 ? name : nil
    }

    /// A template's summary for the gallery: name, Chinese name, the number of fields and the required ones' labels.
    func summary(_ e: Entry) -> [String: Any] {
        ["name": e.name, "chinese": e.chinese, "fields": e.schema.fields.count,
         "required": e.schema.fields.filter(\.required).map(\.label),
         "labels": e.schema.fields.map(\.label)]
    }

    /// The fields as `wenshu fields T --json` prints them.
    func fields(_ e: Entry) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(try FieldsTable.json(e.schema, template: e.name).utf8))
    }
}
