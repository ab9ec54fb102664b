import WenshuCore

/// The data of the 一校一品 programme: every field a document uses, its English key path, the labels
/// the bureaus' forms give it (which data files and spreadsheet headers may use instead), and the
/// limits the bureaus set. See docs/data.md.
public enum ProgrammeSchema {
    /// What kind of value a field holds, and what is checked.
    public enum Kind: Sendable, Equatable {
        case text
        /// Text with at most `max` characters (an error past it).
        case limitedText(max: Int)
        /// Text of about `target` characters (a warning past `target` × 1.2).
        case approximateText(target: Int)
        case positiveInteger
        case phone
        case date
        case list
        case record
    }

    public struct Field: Sendable {
        public var path: ValuePath
        public var labels: [String]
        public var kind: Kind
        public var gloss: String
    }

    static func f(_ path: String, _ labels: [String], _ kind: Kind, _ gloss: String) -> Field {
        Field(path: path.split(separator: ".").map { .key(String($0)) }, labels: labels, kind: kind, gloss: gloss)
    }

    /// The fields. Keys are English; labels are the forms' own words.
    public static let fields: [Field] = [
        f("school", ["单位名称", "学校名称", "学校"], .text, "school"),
        f("organization", ["党组织名称"], .text, "Party organisation"),
        f("members", ["党员数", "党员人数"], .positiveInteger, "number of Party members"),
        f("leader", ["党组织负责人", "负责人", "书记"], .text, "Party organisation leader"),
        f("phone", ["联系电话", "电话"], .phone, "phone"),
        f("contact", ["联系人"], .text, "contact person"),
        f("brand", ["品牌"], .record, "brand"),
        f("brand.name", ["品牌名称"], .limitedText(max: 16), "brand name"),
        f("brand.overview", ["品牌建设概述", "品牌概述"], .limitedText(max: 300), "brand overview"),
        f("brand.introduction", ["品牌简介", "品牌介绍"], .approximateText(target: 500), "brand introduction"),
        f("brand.situation", ["品牌建设情况"], .approximateText(target: 2000), "brand building (goals, measures, carriers, results)"),
        f("brand.meaning", ["品牌内涵"], .text, "brand meaning"),
        f("report", ["创建报告"], .approximateText(target: 2000), "creation report"),
        f("filled", ["填表日期"], .date, "date the form was filled"),
        f("date", ["日期", "成文日期", "发文日期"], .date, "date"),
        f("issuer", ["发文机关", "制表单位", "印制单位"], .text, "issuing body"),
        f("number", ["发文字号", "文号"], .text, "document number"),
        f("title", ["标题"], .text, "title"),
        f("addressees", ["主送机关"], .text, "addressees"),
        f("body", ["正文"], .text, "body text"),
        f("attachments", ["附件"], .list, "attachments"),
        f("copies", ["抄送"], .text, "copied to"),
        f("printer", ["印发机关"], .text, "printed by"),
        f("printed", ["印发日期"], .date, "printing date"),
        f("seal", ["印章"], .text, "seal image"),
        f("measures", ["举措", "主要举措"], .list, "measures"),
        f("steps", ["实施步骤", "步骤"], .list, "steps"),
        f("leadership", ["领导小组"], .record, "leadership group"),
        f("achievements", ["成果", "创建成果"], .list, "achievements"),
        f("photos", ["照片", "图片"], .list, "photos"),
        f("opinions", ["意见"], .record, "opinions"),
        f("opinions.school", ["学校党组织意见"], .text, "school Party organisation's opinion"),
        f("opinions.county", ["县区委教育工委意见", "教育工委意见"], .text, "county education work committee's opinion"),
        f("media", ["媒体报道"], .list, "media reports"),
        f("scores", ["评分", "扣分"], .list, "scores"),
        f("veto", ["一票否决"], .list, "veto conditions"),
        f("rows", ["名单"], .list, "list rows"),
        f("name", ["姓名"], .text, "name"),
        f("award", ["奖项", "荣誉称号"], .text, "award"),
        f("no", ["证书编号", "编号"], .text, "certificate number"),
        f("caption", ["说明", "图注"], .text, "caption"),
        f("file", ["文件"], .text, "file"),
    ]

    /// Label → the field's path.
    public static let pathForLabel: [String: ValuePath] = {
        var t: [String: ValuePath] = [:]
        for field in fields { for l in field.labels { t[l] = field.path } }
        return t
    }()

    /// Aliases between single keys (label ↔ last English key), for lookups inside records such
    /// as list rows, where 姓名 and name are the same column.
    public static let keyAliases: [String: String] = {
        var t: [String: String] = [:]
        for field in fields {
            guard case .key(let last)? = field.path.last else { continue }
            for l in field.labels where t[l] == nil { t[l] = last }
            if let first = field.labels.first, t[last] == nil { t[last] = first }
        }
        return t
    }()

    /// The field at `path`, if the schema knows it.
    public static func field(at path: ValuePath) -> Field? { fields.first { $0.path == path } }

    /// Rewrites the forms' labels to the schema's keys: top-level labels go to their path
    /// (品牌名称 → brand.name), labels inside records and list rows to their English key (姓名 → name).
    /// Locations move with their values.
    public static func normalize(_ data: DataSet) -> DataSet {
        guard case .object(let root) = data.root else { return data }
        var out = DataSet(root: .object(Record()), locations: [:])
        if let l = data.locations[[]] { out.locations[[]] = l }
        for (key, value) in root.pairs {
            let target = pathForLabel[key] ?? [.key(key)]
            let renamed = renameInside(value, from: [.key(key)], to: target, data: data, into: &out.locations)
            insert(&out.root, at: target, renamed)
        }
        return out
    }

    private static func renameInside(_ v: Value, from: ValuePath, to: ValuePath, data: DataSet,
                                     into locations: inout [ValuePath: SourceLocation]) -> Value {
        if let l = data.locations[from] { locations[to] = l }
        switch v {
        case .object(let r):
            var out = Record()
            for (k, x) in r.pairs {
                let nk = englishKey(k)
                out[nk] = renameInside(x, from: from + [.key(k)], to: to + [.key(nk)], data: data, into: &locations)
            }
            return .object(out)
        case .array(let a):
            return .array(a.enumerated().map { i, x in
                renameInside(x, from: from + [.index(i)], to: to + [.index(i)], data: data, into: &locations)
            })
        default:
            return v
        }
    }

    private static func englishKey(_ k: String) -> String {
        if let p = pathForLabel[k], case .key(let last)? = p.last { return last }
        return k
    }

    /// Puts `value` at `path` in `root`, in place: the record is taken out of `root` before it
    /// changes, so it is not copied (copying it for every key made 40,000 keys take a minute).
    private static func insert(_ root: inout Value, at path: ValuePath, _ value: Value) {
        guard let first = path.first, case .key(let k) = first else { root = value; return }
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
}
