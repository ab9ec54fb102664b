import Foundation
import WenshuCore

/// Reads a `fields.yaml` into a `FieldSchema`, refusing what it does not know with the file, line
/// and column and the allowed words (docs/fields.md):
///
/// ```yaml
/// fields:
///   - path: brand.name
///     label: 品牌名称
///     aliases: [品牌]
///     type: text          # text long-text date whole-number phone choice image list record
///     required: true
///     max: 16             # or about: 500
///     example: 红烛领航·书香润心
///     help: 不超过16个字
/// placeholders:
///   - param: city
///     label: 城市
/// document: 申报书        # what the document is called (wenshu new names its files by it)
/// ```
public enum SchemaFile {
    static let fieldKeys: Set<String> = ["path", "label", "aliases", "type", "required", "max", "about", "min",
                                         "values", "example", "help", "fields"]
    static let placeholderKeys: Set<String> = ["param", "label", "value", "help"]

    /// The schema in the file at `path`, read from `world`.
    public static func load(_ path: String, world: any World = FileWorld()) throws -> FieldSchema {
        let data = try DataLoader.load(path, world: world)
        return try read(data, file: path)
    }

    /// The schema in loaded YAML data.
    public static func read(_ data: DataSet, file: String) throws -> FieldSchema {
        guard case .object(let root) = data.root else {
            throw DataError("字段表应以 fields: 开头", "a fields file starts with fields:", at: data.location(of: []) ?? SourceLocation(file: file))
        }
        var schema = FieldSchema(files: [file])
        for (k, v) in root.pairs {
            let at: ValuePath = [.key(k)]
            switch k {
            case "fields": schema.fields = try fields(v, at: at, data: data, file: file)
            case "placeholders": schema.placeholders = try placeholders(v, at: at, data: data, file: file)
            case "document":
                guard case .string(let name) = v, !name.isEmpty, !name.contains("/") else {
                    throw DataError("document 应为文书的中文名称，如 申报书", "document is the document's name, e.g. 申报书",
                                    at: place(at, data, file))
                }
                schema.document = name
            default: throw unknown(k, allowed: ["fields", "placeholders", "document"], at: at, data: data, file: file)
            }
        }
        return schema
    }

    static func place(_ path: ValuePath, _ data: DataSet, _ file: String) -> SourceLocation {
        data.location(of: path) ?? SourceLocation(file: file)
    }

    static func unknown(_ key: String, allowed: [String], at path: ValuePath, data: DataSet, file: String) -> DataError {
        DataError("字段表中没有“\(key)”这一项；可用的有：\(allowed.joined(separator: "、"))",
                  "unknown key ‘\(key)’ in a fields file", at: place(path, data, file))
    }

    static func fields(_ v: Value, at path: ValuePath, data: DataSet, file: String) throws -> [FieldSchema.Field] {
        guard case .array(let items) = v else {
            throw DataError("fields 应为一个列表（每项以 - 开头）", "fields is a list of fields", at: place(path, data, file))
        }
        var out: [FieldSchema.Field] = []
        for (i, item) in items.enumerated() {
            let at = path + [.index(i)]
            guard case .object(let r) = item else {
                throw DataError("每个字段应有 path 与 label", "each field has a path and a label", at: place(at, data, file))
            }
            for k in r.keys where !fieldKeys.contains(k) {
                throw unknown(k, allowed: fieldKeys.sorted(), at: at + [.key(k)], data: data, file: file)
            }
            func text(_ key: String) -> String? {
                // A date keeps the form it was written in (2023-10-15), not the printed 2023年10月15日.
                let s = r[key].map { if case .date(let d) = $0 { d.description } else { $0.description } }
                return s.flatMap { $0.isEmpty ? nil : $0 }
            }
            guard let key = text("path"), let label = text("label") else {
                throw DataError("字段缺少 path 或 label", "a field needs a path and a label", at: place(at, data, file))
            }
            var f = FieldSchema.Field(path: key.split(separator: ".").map(String.init), label: label)
            if case .array(let a)? = r["aliases"] { f.aliases = a.map(\.description) }
            else if let s = text("aliases") { f.aliases = [s] }
            if let t = text("type") {
                guard let type = FieldSchema.FieldType(rawValue: t) else {
                    throw DataError("字段类型“\(t)”不可用；可用的有：\(FieldSchema.FieldType.allCases.map(\.rawValue).joined(separator: "、"))",
                                    "unknown field type ‘\(t)’", at: place(at + [.key("type")], data, file))
                }
                f.type = type
            }
            switch r["required"] {
            case nil, .bool(false)?: f.required = false
            case .bool(true)?: f.required = true
            default: throw DataError("required 应为 true 或 false", "required takes true or false", at: place(at + [.key("required")], data, file))
            }
            f.max = try count(r["max"], "max", at: at, data: data, file: file)
            f.about = try count(r["about"], "about", at: at, data: data, file: file)
            f.minimum = try count(r["min"], "min", at: at, data: data, file: file)
            if case .array(let a)? = r["values"] { f.values = a.map(\.description) }
            if f.type == .choice && f.values.isEmpty {
                throw DataError("选项字段须列出 values", "a choice field lists its values", at: place(at, data, file))
            }
            f.example = text("example")
            f.help = text("help")
            if let inner = r["fields"] { f.fields = try fields(inner, at: at + [.key("fields")], data: data, file: file) }
            out.append(f)
        }
        return out
    }

    static func count(_ v: Value?, _ key: String, at path: ValuePath, data: DataSet, file: String) throws -> Int? {
        guard let v else { return nil }
        guard case .number(let n) = v, n.isFinite, n == n.rounded(), n >= 0, n <= 1_000_000 else {
            throw DataError("\(key) 应为不小于0的整数", "\(key) takes a whole number, 0 or more", at: place(path + [.key(key)], data, file))
        }
        return Int(n)
    }

    static func placeholders(_ v: Value, at path: ValuePath, data: DataSet, file: String) throws -> [FieldSchema.Placeholder] {
        guard case .array(let items) = v else {
            throw DataError("placeholders 应为一个列表", "placeholders is a list", at: place(path, data, file))
        }
        return try items.enumerated().map { i, item in
            let at = path + [.index(i)]
            guard case .object(let r) = item, let name = r["param"]?.description, !name.isEmpty else {
                throw DataError("每个占位参数应有 param", "each placeholder names its param", at: place(at, data, file))
            }
            for k in r.keys where !placeholderKeys.contains(k) {
                throw unknown(k, allowed: placeholderKeys.sorted(), at: at + [.key(k)], data: data, file: file)
            }
            return FieldSchema.Placeholder(parameter: name, label: r["label"]?.description ?? name,
                                             value: r["value"]?.description, help: r["help"]?.description)
        }
    }
}
