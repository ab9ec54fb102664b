import Foundation
import WenshuCore

/// Data read against a template's `FieldSchema`: the data's labels and aliases become the schema's
/// key paths, matched by FULL path (品牌名称 is brand.name at the root or inside brand, 姓名 is name
/// only inside the rows of a list that declares it), and every missing required field and every
/// bad value is a `Problem` at the data's own place, named with the data's own label. No programme
/// field is named here: the rules come from the schema.
public struct SchemaChecker: Sendable {
    public var schema: FieldSchema

    public init(_ schema: FieldSchema) { self.schema = schema }

    /// A loaded data file with its keys renamed to the schema's paths; locations move with their
    /// values, and `writtenLabels` keeps the key each field was written under.
    public func normalize(_ data: DataSet) -> DataSet {
        guard case .object(let root) = data.root else { return data }
        var out = DataSet(root: .object(Record()), locations: [:])
        if let l = data.locations[[]] { out.locations[[]] = l }
        out.writtenLabels = data.writtenLabels
        out.notes = data.notes
        out.root = .object(record(root, fields: schema.fields, from: [], to: [], data: data, into: &out))
        return out
    }

    /// Where a key of a record at this level goes, and the fields declared below it.
    private func target(of key: String, in fields: [FieldSchema.Field])
        -> (path: [String], field: FieldSchema.Field?, inner: [FieldSchema.Field]) {
        let trimmed = key.trimmingCharacters(in: .whitespaces)
        // A key no field names falls to the `*` field, if the record declares one, under its own name.
        let match = fields.first { $0.names.contains(trimmed) } ?? fields.first(where: \.isWildcard)
        let path = match.flatMap { $0.isWildcard ? nil : $0.path } ?? [key]
        let below = fields.filter { $0.path.count > path.count && $0.path.starts(with: path) }
            .map { f -> FieldSchema.Field in var g = f; g.path = Array(f.path.dropFirst(path.count)); return g }
        return (path, match, (match?.fields ?? fields.first { $0.path == path }?.fields ?? []) + below)
    }

    private func record(_ r: Record, fields: [FieldSchema.Field], from: ValuePath, to: ValuePath, data: DataSet,
                        into out: inout DataSet) -> Record {
        var result = Value.object(Record())
        for (k, v) in r.pairs {
            let (rel, field, inner) = target(of: k, in: fields)
            let dest = to + rel.map { .key($0) }
            if let field, !field.isWildcard { out.writtenLabels[dest] = k }
            var v = v
            if let field, let (read, note) = ValueForms.read(v, as: field, label: k) {
                v = read
                if let note { out.notes.append(note.at(data.locations[from + [.key(k)]])) }
            }
            let renamed = value(v, fields: inner, from: from + [.key(k)], to: dest, data: data, into: &out)
            Self.insert(&result, at: rel, renamed)
        }
        if case .object(let r) = result { return r }
        return Record()
    }

    private func value(_ v: Value, fields: [FieldSchema.Field], from: ValuePath, to: ValuePath, data: DataSet,
                       into out: inout DataSet) -> Value {
        if let l = data.locations[from] { out.locations[to] = l }
        switch v {
        case .object(let r):
            return .object(record(r, fields: fields, from: from, to: to, data: data, into: &out))
        case .array(let a):
            return .array(a.enumerated().map { i, x in
                value(x, fields: fields, from: from + [.index(i)], to: to + [.index(i)], data: data, into: &out)
            })
        default:
            return v
        }
    }

    /// Puts `value` at `path` in `root`, in place: the record is taken out of `root` before it
    /// changes, so it is not copied (copying it for every key made 40,000 keys take a minute).
    static func insert(_ root: inout Value, at path: [String], _ value: Value) {
        guard let k = path.first else { root = value; return }
        guard case .object(var r) = root else { return }
        root = .null
        if path.count == 1 {
            r[k] = r[k].map { DataSet.merge($0, value) } ?? value
        } else {
            var inner = r[k] ?? .object(Record())
            insert(&inner, at: Array(path.dropFirst()), value)
            r[k] = inner
        }
        root = .object(r)
    }

    // MARK: Checking

    /// Every problem of normalised `data` at once: required fields missing or empty, values of the
    /// wrong type, texts past their limits. `fallback` places a missing field when the data has no
    /// place for the record it belongs in (the first data file).
    public func check(_ data: DataSet, fallback: SourceLocation? = nil) -> [Problem] {
        var problems: [Problem] = []
        check(schema.fields, base: [], data: data, fallback: fallback, into: &problems)
        return problems
    }

    private func check(_ fields: [FieldSchema.Field], base: ValuePath, data: DataSet, fallback: SourceLocation?,
                       into problems: inout [Problem]) {
        for f in fields {
            if f.isWildcard {
                // Every key of the record that no other field names is checked as this field.
                guard case .object(let r)? = data.value(at: base) else { continue }
                let named = Set(fields.filter { !$0.isWildcard }.compactMap(\.path.first))
                for (k, _) in r.pairs where !named.contains(k) {
                    var g = f
                    g.path = [k]
                    check([g], base: base, data: data, fallback: fallback, into: &problems)
                }
                continue
            }
            let path = base + f.path.map { .key($0) }
            let label = data.writtenLabels[path] ?? f.label
            let v = data.value(at: path)
            if v == nil || Self.isEmpty(v) {
                if f.required {
                    let place = data.location(of: path) ?? fallback
                    let row = base.last.flatMap { if case .index(let i) = $0 { "第\(i + 1)项" } else { nil } } ?? ""
                    problems.append(Problem(severity: .error, location: place, chinese: "\(row)缺少“\(label)”",
                                            english: "missing field \(Self.describe(path))",
                                            hint: "请在数据中填写“\(f.label)”" + (f.example.map { "，例如：\($0)" } ?? "")))
                }
                continue
            }
            guard let v else { continue }
            problems += FieldCheck(field: f, label: label, path: Self.describe(path), location: data.location(of: path) ?? fallback).problems(v)
            switch (f.type, v) {
            case (.list, .array(let rows)):
                for i in rows.indices { check(f.fields, base: path + [.index(i)], data: data, fallback: fallback, into: &problems) }
            case (.record, .object):
                check(f.fields, base: path, data: data, fallback: fallback, into: &problems)
            default: break
            }
        }
    }

    /// Null, or text that is only white space.
    public static func isEmpty(_ v: Value?) -> Bool {
        switch v {
        case nil, .null?: true
        case .string(let s)?: s.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
        default: false
        }
    }

    /// A path as the English gloss writes it: rows[2].name.
    public static func describe(_ path: ValuePath) -> String {
        var s = ""
        for c in path {
            switch c {
            case .key(let k): s += (s.isEmpty ? "" : ".") + k
            case .index(let i): s += "[\(i)]"
            }
        }
        return s
    }
}
