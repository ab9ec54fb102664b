import Foundation
import WenshuData

/// A template's fields as `wenshu fields` prints them: a table with the Chinese label first (label,
/// key path, type, required, limit, example, help; a list's own fields indented under it, then the
/// placeholder parameters), or JSON for tools.
public enum FieldsTable {
    /// The table, one line per field, columns separated by two spaces and padded to the widest
    /// cell (a CJK character counted as two columns).
    public static func text(_ schema: FieldSchema, template: String) -> String {
        var rows: [[String]] = [["标签 label", "键 key", "类型 type", "必填 required", "限制 limit", "例 example", "说明 help"]]
        func add(_ fields: [FieldSchema.Field], indent: String, prefix: String) {
            for f in fields {
                let labels = ([f.label] + f.aliases).joined(separator: "/")
                rows.append([indent + labels, prefix + f.key, f.type.rawValue, f.required ? "必填" : "选填", f.limit ?? "",
                             f.example.map { clip($0) } ?? "", f.help ?? ""])
                add(f.fields, indent: indent + "  ", prefix: prefix + f.key + (f.type == .list ? "[]." : "."))
            }
        }
        add(schema.fields, indent: "", prefix: "")
        var out = "模板 \(template) 的字段 (fields of template \(template)):\n" + layout(rows)
        if !schema.placeholders.isEmpty {
            out += "\n占位参数（印前须替换，或加 --allow-placeholders）(placeholder parameters, to be replaced before printing):\n"
            out += layout([["参数 param", "标签 label", "占位值 value", "说明 help"]]
                          + schema.placeholders.map { [$0.parameter, $0.label, $0.value ?? "", $0.help ?? ""] })
        }
        return out
    }

    /// The schema as JSON: {"template", "fields": [{path, label, aliases, type, required, max, about,
    /// min, values, example, help, fields}], "placeholders": [{param, label, value, help}]}.
    public static func json(_ schema: FieldSchema, template: String) throws -> String {
        func field(_ f: FieldSchema.Field) -> [String: Any] {
            var d: [String: Any] = ["path": f.key, "label": f.label, "aliases": f.aliases, "type": f.type.rawValue, "required": f.required]
            if let m = f.max { d["max"] = m }
            if let a = f.about { d["about"] = a }
            if let m = f.minimum { d["min"] = m }
            if !f.values.isEmpty { d["values"] = f.values }
            if let e = f.example { d["example"] = e }
            if let h = f.help { d["help"] = h }
            if !f.fields.isEmpty { d["fields"] = f.fields.map(field) }
            return d
        }
        let placeholders: [[String: Any]] = schema.placeholders.map { p in
            var d: [String: Any] = ["param": p.parameter, "label": p.label]
            if let v = p.value { d["value"] = v }
            if let h = p.help { d["help"] = h }
            return d
        }
        let root: [String: Any] = ["template": template, "fields": schema.fields.map(field), "placeholders": placeholders]
        let data = try JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    static func clip(_ s: String) -> String {
        let one = s.replacingOccurrences(of: "\n", with: " ")
        return one.count > 24 ? String(one.prefix(23)) + "…" : one
    }

    /// Display width: East Asian wide characters take two columns.
    static func width(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { n, u in n + ((0x1100...0x115F).contains(u.value) || (0x2E80...0xA4CF).contains(u.value)
            || (0xAC00...0xD7A3).contains(u.value) || (0xF900...0xFAFF).contains(u.value) || (0xFE30...0xFE4F).contains(u.value)
            || (0xFF00...0xFF60).contains(u.value) || (0xFFE0...0xFFE6).contains(u.value) || u.value >= 0x20000 ? 2 : 1) }
    }

    static func layout(_ rows: [[String]]) -> String {
        guard let columns = rows.map(\.count).max() else { return "" }
        let widths = (0..<columns).map { j in rows.map { j < $0.count ? width($0[j]) : 0 }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { j, cell in
                j == row.count - 1 ? cell : cell + String(repeating: " ", count: max(0, widths[j] - width(cell)))
            }.joined(separator: "  ").replacingOccurrences(of: #"\s+$"#, with: "", options: .regularExpression)
        }.joined(separator: "\n") + "\n"
    }
}
