import Foundation
import WenshuCore
import WenshuData
import WenshuTemplate

/// The fields a template declares: `fields.yaml` beside its `template.xml` (or `NAME.fields.yaml`
/// beside `NAME.xml`), over the fields of the templates it extends. A template without any has
/// none: its data is used as written, with no renaming and no limits.
public enum TemplateFields {
    /// The schema of `template`, or nil when neither it nor a template it extends declares one;
    /// the fields files are read from `world`, as the template was.
    public static func schema(for template: Template, world: any World = FileWorld()) throws -> FieldSchema? {
        var files: [String] = []
        for folder in template.folders.dropLast() { files.append(folder + "/fields.yaml") }
        let own = template.path
        if (own as NSString).lastPathComponent == "template.xml" {
            files.append((own as NSString).deletingLastPathComponent + "/fields.yaml")
        } else {
            files.append((own as NSString).deletingPathExtension + ".fields.yaml")
        }
        var schema: FieldSchema?
        var seen: Set<String> = []
        for file in files where world.exists(file) && seen.insert(file).inserted {
            let found = try SchemaFile.load(file, world: world)
            schema = schema.map { $0.extended(by: found) } ?? found
        }
        return schema
    }

    /// Placeholder parameters about to print: the template still has the stand-in and the data
    /// does not replace it (in `params`/`参数` or as a field of the same name).
    public static func placeholders(_ schema: FieldSchema, template: Template, data: DataSet) -> [Problem] {
        let overrides = data.root["params"] ?? data.root["参数"]
        return schema.placeholders.compactMap { p in
            guard let value = template.parameter(p.parameter), p.value.map({ $0 == value }) ?? true,
                  overrides?[p.parameter] == nil, data.root[p.parameter] == nil else { return nil }
            return Problem(severity: .error, location: SourceLocation(file: template.path),
                           chinese: "模板参数“\(p.label)”仍是占位的“\(value)”，会印在文书上",
                           english: "the template parameter \(p.parameter) still holds the placeholder ‘\(value)’",
                           hint: "请在数据中写 \(p.parameter): …（或在 params 中）" + (p.help.map { "，\($0)" } ?? "")
                               + "；确要照印请加 --allow-placeholders")
        }
    }
}
