import Foundation
import WenshuData
import Yams

/// The form's data: a JSON object keyed by the template's top-level field keys (`brand.name` is one
/// key: the schema matches it by full path), a list as an array of rows (objects of the list's own
/// field keys, or texts for a list of texts). This is what `data.json` holds, what the page edits,
/// and what the same loaders as `wenshu build` read.
enum FormData {
    /// Data filled with the fields' examples (the gallery's thumbnails); no images (none is beside it).
    static func example(_ schema: FieldSchema) -> [String: Any] {
        var out: [String: Any] = [:]
        for f in schema.fields { if let v = example(f) { out[f.key] = v } }
        return out
    }

    private static func example(_ f: FieldSchema.Field) -> Any? {
        switch f.type {
        case .image: return nil
        case .list:
            if f.fields.isEmpty { return f.example.map { [$0] } ?? [] }
            if f.fields.contains(where: { $0.type == .image }) { return [] }
            var row: [String: Any] = [:]
            for g in f.fields { if let v = example(g) { row[g.key] = v } }
            return row.isEmpty ? [] : [row]
        case .record:
            // A `*` field (any other key: a scoring sheet's item numbers) has no example key of its own.
            var record: [String: Any] = [:]
            for g in f.fields where !g.isWildcard { if let v = example(g) { record[g.key] = v } }
            return record
        default: return f.example
        }
    }

    /// `data` with the value of the field `expression` names stood in for (a text by its label in
    /// 【】, a date by today), so that a half-filled document can be previewed: a template needs the
    /// values it prints. Nil when no field of the schema holds that expression, or it is there already.
    static func sketch(_ data: [String: Any], schema: FieldSchema, missing expression: String) -> [String: Any]? {
        let first = expression.split(whereSeparator: { $0 == "." || $0 == "[" }).first.map(String.init) ?? expression
        guard let f = schema.fields.first(where: { $0.key == expression || expression.hasPrefix($0.key + ".") || expression.hasPrefix($0.key + "[") })
                ?? schema.fields.first(where: { $0.path.first == first }),
              let value = standIn(f) else { return nil }
        var out = data
        if f.type == .record, var record = data[f.key] as? [String: Any] {
            // A record's own field: `leadership.deputies`.
            let rest = expression.hasPrefix(f.key + ".") ? String(expression.dropFirst(f.key.count + 1)) : ""
            guard let g = f.fields.first(where: { $0.key == rest || rest.hasPrefix($0.key + ".") }), isBlank(record[g.key]),
                  let inner = standIn(g) else { return nil }
            record[g.key] = inner
            out[f.key] = record
            return out
        }
        guard isBlank(data[f.key]) else { return nil }
        out[f.key] = value
        return out
    }

    private static func isBlank(_ v: Any?) -> Bool {
        guard let v, !(v is NSNull) else { return true }
        if let s = v as? String { return s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        return false
    }

    private static func standIn(_ f: FieldSchema.Field) -> Any? {
        switch f.type {
        case .image: return nil
        case .list: return []
        case .date:
            let c = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
            return String(format: "%04d-%02d-%02d", c.year ?? 2026, c.month ?? 1, c.day ?? 1)
        case .wholeNumber: return max(1, f.minimum ?? 1)
        case .choice: return f.values.first ?? "【\(f.label)】"
        case .record:
            var record: [String: Any] = [:]
            for g in f.fields where !g.isWildcard { if let v = standIn(g) { record[g.key] = v } }
            return record
        default: return "【\(f.label)】"
        }
    }

    /// Loaded data (a workbook, a YAML file) as the form's data: each top-level field's value at its path.
    static func from(_ data: DataSet, schema: FieldSchema?) -> [String: Any] {
        guard let schema else { return (json(data.root) as? [String: Any]) ?? [:] }
        var out: [String: Any] = [:]
        for f in schema.fields {
            var v: Value? = data.root
            for k in f.path { v = v?[k] }
            if let v, v != .null, let j = json(v) { out[f.key] = j }
        }
        return out
    }

    /// A value as JSON: dates as 2023-03-06, numbers as numbers, records as objects.
    static func json(_ v: Value) -> Any? {
        switch v {
        case .null: return nil
        case .bool(let b): return b
        case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? Int64(n) as Any : n as Any
        case .string(let s): return s
        case .date(let d): return String(format: "%04d-%02d-%02d", d.year, d.month, d.day)
        case .array(let a): return a.compactMap(json)
        case .object(let r):
            var out: [String: Any] = [:]
            for (k, x) in r.pairs { if let j = json(x) { out[k] = j } }
            return out
        }
    }

    /// The data as YAML in the schema's order (the download `data.yaml`), readable by `wenshu build`.
    static func yaml(_ data: [String: Any], schema: FieldSchema?) throws -> String {
        let order = schema?.fields.map(\.key) ?? []
        let keys = order.filter { data[$0] != nil } + data.keys.filter { !order.contains($0) }.sorted()
        let pairs = keys.compactMap { k in data[k].map { (Node(k), node($0)) } }
        return try Yams.serialize(node: Node.mapping(Node.Mapping(pairs)), allowUnicode: true)
    }

    private static func node(_ any: Any) -> Node {
        switch any {
        case let s as String:
            return Node(s, .implicit, s.contains("\n") ? .literal : .doubleQuoted)
        case let n as NSNumber:
            return Node(n.stringValue)
        case let a as [Any]:
            return Node.sequence(Node.Sequence(a.map(node)))
        case let d as [String: Any]:
            return Node.mapping(Node.Mapping(d.keys.sorted().compactMap { k in d[k].map { (Node(k), node($0)) } }))
        default:
            return Node("")
        }
    }
}
