import Foundation
import WenshuCore

/// The fields a template's document declares (`templates/<name>/fields.yaml`, docs/fields.md): each
/// field's key path, Chinese label and accepted aliases, type, whether it is required, its limits,
/// an example and a line of help, and the template parameters that are placeholders to be replaced
/// before printing. The programme's rules live in these files, not in Swift: a template without one
/// gets no renaming and no limits.
public struct FieldSchema: Sendable, Equatable {
    /// What kind of value a field holds, and what is checked.
    public enum FieldType: String, Sendable, CaseIterable {
        case text, longText = "long-text", date, wholeNumber = "whole-number", phone, choice, image, list, record

        /// The type's name in Chinese, for the `fields` table.
        public var chinese: String {
            switch self {
            case .text: "文字"
            case .longText: "长文字"
            case .date: "日期"
            case .wholeNumber: "整数"
            case .phone: "电话"
            case .choice: "选项"
            case .image: "图片"
            case .list: "列表"
            case .record: "记录"
            }
        }
    }

    /// One field. `path` is relative to where the field is declared: the data's root, or a row of
    /// the list that declares it in its `fields`.
    public struct Field: Sendable, Equatable {
        public var path: [String]
        public var label: String
        public var aliases: [String] = []
        public var type: FieldType = .text
        public var required = false
        /// At most this many characters (an error past it).
        public var max: Int?
        /// About this many characters (a warning past 20% over).
        public var about: Int?
        /// The least whole number accepted (whole numbers only).
        public var minimum: Int?
        /// The values a choice accepts.
        public var values: [String] = []
        public var example: String?
        public var help: String?
        /// The fields of one row of a list, or of a record.
        public var fields: [Field] = []

        public init(path: [String], label: String) { self.path = path; self.label = label }

        /// The path as written in the schema: brand.name.
        public var key: String { path.joined(separator: ".") }

        /// Every name a data file may give the field: its key path, its label, its aliases.
        public var names: [String] { isWildcard ? [] : [key, label] + aliases }

        /// A field declared with the path `*`: every key of its record that no other field names
        /// (the item numbers of a scoring sheet's 扣分: `1: [{原因: …, 扣分: 2}]`). The key stays
        /// as written; the field's type and its own fields apply to the value under it.
        public var isWildcard: Bool { path == ["*"] }

        /// The limit as the `fields` table shows it: ≤16, 约500, 1–.
        public var limit: String? {
            if let max { return "≤\(max)字" }
            if let about { return "约\(about)字" }
            if let minimum { return "≥\(minimum)" }
            if !values.isEmpty { return values.joined(separator: "/") }
            return nil
        }
    }

    /// A template parameter whose default is a stand-in (清河市, 中共某市委…): printing it is an
    /// error unless the data replaces it or `--allow-placeholders` is given.
    public struct Placeholder: Sendable, Equatable {
        public var parameter: String
        public var label: String
        /// The stand-in as the template writes it: a template that extends this one and sets
        /// another value has replaced it.
        public var value: String?
        public var help: String?
        public init(parameter: String, label: String, value: String? = nil, help: String? = nil) {
            self.parameter = parameter; self.label = label; self.value = value; self.help = help
        }
    }

    public var fields: [Field] = []
    public var placeholders: [Placeholder] = []
    /// What the document is called in Chinese (申报书, 实施方案): the name `wenshu new` gives its
    /// workbook (申报书填写.xlsx) and its output (申报书.pdf). `document:` in the fields file.
    public var document: String?
    /// The files the schema was read from (its own last).
    public var files: [String] = []

    public init(fields: [Field] = [], placeholders: [Placeholder] = [], files: [String] = []) {
        self.fields = fields; self.placeholders = placeholders; self.files = files
    }

    /// This schema with `child`'s fields and placeholders over it (a template that extends
    /// another): a field of the same path is replaced, a new one added.
    public func extended(by child: FieldSchema) -> FieldSchema {
        var out = self
        for f in child.fields {
            if let i = out.fields.firstIndex(where: { $0.path == f.path }) { out.fields[i] = f } else { out.fields.append(f) }
        }
        for p in child.placeholders {
            if let i = out.placeholders.firstIndex(where: { $0.parameter == p.parameter }) { out.placeholders[i] = p }
            else { out.placeholders.append(p) }
        }
        out.files += child.files
        out.document = child.document ?? document
        return out
    }

    /// The keys of a flat row's columns (a batch list's header): every name of a field declared at
    /// the top level with a one-key path → that key (姓名 → name when the template declares it).
    public var columnKeys: [String: String] {
        var t: [String: String] = [:]
        for f in fields where f.path.count == 1 { for n in f.names where t[n] == nil { t[n] = f.key } }
        return t
    }

    /// The field declared at `path` (keys only; list rows step into the list's `fields`).
    public func field(at path: [String]) -> Field? { Self.field(at: path, in: fields) }

    static func field(at path: [String], in fields: [Field]) -> Field? {
        for f in fields where path.starts(with: f.path) {
            if path.count == f.path.count { return f }
            if let inner = field(at: Array(path.dropFirst(f.path.count)), in: f.fields) { return inner }
        }
        return nil
    }
}
