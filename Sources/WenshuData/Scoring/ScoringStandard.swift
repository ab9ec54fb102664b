import WenshuCore

/// An evaluation standard as a bureau issues it, read from a data file (the programme's standards
/// live beside the scoring template, `templates/scoring/standards/*.yaml`): its title, its items in
/// their groups with the issued wording, maximum scores and scoring rules, its notes and which note
/// is the veto (一票否决). Two methods:
/// - `points`: every item has a maximum and deduction rules; the reviewer records deductions (an
///   item may instead be scored from media reports by level, up to its maximum);
/// - `grades`: criteria without points (篇三's 评选标准); the reviewer gives each a grade from the
///   standard's list (符合 / 基本符合 / 不符合), which counts for a ranked summary.
public struct ScoringStandard: Sendable {
    public enum Method: String, Sendable { case points, grades }

    public struct Item: Sendable {
        public var number: Int
        /// The group (评估项目) it stands in, when the standard groups its items.
        public var group: String?
        public var criteria: String
        /// The item's maximum (`points` standards).
        public var maximum: Double?
        /// The scoring rules (计分办法), as issued.
        public var rules: String?
        /// Points per media report by level, for an item scored from media reports.
        public var media: [String: Double]?
    }

    public struct Note: Sendable {
        public var text: String
        /// The veto clause (一票否决).
        public var veto: Bool
    }

    public var title: String
    /// The attachment label it is issued under (附件1).
    public var label: String?
    public var method: Method
    public var columns: [String]
    public var items: [Item]
    /// Grade names and what each counts (`grades` standards), in order.
    public var grades: [(name: String, value: Double)]
    public var notes: [Note]

    /// The most an evaluation can score.
    public var total: Double {
        switch method {
        case .points: items.reduce(0) { $0 + ($1.maximum ?? 0) }
        case .grades: Double(items.count) * (grades.map(\.value).max() ?? 0)
        }
    }

    /// The veto clause, when the standard has one.
    public var vetoNote: String? { notes.first { $0.veto }?.text }

    /// The groups in order, with their items.
    public var groups: [(name: String, items: [Item])] {
        var out: [(name: String, items: [Item])] = []
        for item in items {
            let name = item.group ?? ""
            if let i = out.firstIndex(where: { $0.name == name }) { out[i].items.append(item) } else { out.append((name, [item])) }
        }
        return out
    }

    /// A standard that cannot be used, with every problem of its file.
    public struct Invalid: WenshuError {
        public var problems: [Problem]
        public var problem: Problem {
            problems.first ?? Problem(severity: .error, chinese: "评估标准文件有误", english: "the scoring standard is invalid")
        }
        public var message: String {
            "评估标准文件有 \(problems.count) 处错误（the scoring standard has \(problems.count) problem(s)）：\n"
                + problems.map { "  \($0)" }.joined(separator: "\n")
        }
    }

    /// Reads a standard file (YAML, JSON) from `world`.
    public static func load(_ path: String, world: any World = FileWorld()) throws -> ScoringStandard {
        try ScoringStandard(data: DataLoader.load(path, world: world))
    }

    /// The standard a data set describes; every problem of it at once.
    public init(data: DataSet) throws {
        var problems: [Problem] = []
        func problem(_ path: ValuePath, _ chinese: String, _ english: String) {
            problems.append(Problem(severity: .error, location: data.location(of: path), chinese: chinese, english: english))
        }
        let root = data.root
        func text(_ v: Value?) -> String? {
            guard let v else { return nil }
            switch v {
            case .string(let s): return s.trimmingCharacters(in: .whitespacesAndNewlines)
            case .number, .date: return v.description
            default: return nil
            }
        }
        title = text(root["title"]) ?? ""
        if title.isEmpty { problem([.key("title")], "评估标准缺少标题 title", "the standard has no title") }
        label = text(root["label"])
        let methodName = text(root["method"]) ?? "points"
        method = Method(rawValue: methodName) ?? .points
        if Method(rawValue: methodName) == nil {
            problem([.key("method")], "计分方式“\(methodName)”应为 points 或 grades", "method must be points or grades")
        }
        if case .array(let cols)? = root["columns"] { columns = cols.compactMap { text($0) } } else { columns = [] }
        grades = []
        if case .object(let g)? = root["grades"] {
            for (name, v) in g.pairs {
                if case .number(let n) = v, n.isFinite { grades.append((name, n)) } else {
                    problem([.key("grades"), .key(name)], "等级“\(name)”的分值应为数字", "a grade's value must be a number")
                }
            }
        }
        if method == .grades && grades.isEmpty {
            problem([.key("grades")], "按等级评定的标准须列出等级 grades（如 符合: 2）", "a grades standard needs its grades")
        }
        items = []
        if case .array(let list)? = root["items"], !list.isEmpty {
            for (i, v) in list.enumerated() {
                let path: ValuePath = [.key("items"), .index(i)]
                let expected = i + 1
                var number = expected
                if case .number(let n)? = v["number"], n == n.rounded(), Int(exactly: n) != nil { number = Int(n) }
                if number != expected {
                    problem(path + [.key("number")], "第\(expected)项的序号应为\(expected)", "items are numbered 1, 2, 3… in order")
                }
                guard let criteria = text(v["criteria"]), !criteria.isEmpty else {
                    problem(path + [.key("criteria")], "第\(expected)项缺少评估标准 criteria", "item \(expected) has no criteria")
                    continue
                }
                var maximum: Double? = nil
                if case .number(let n)? = v["maximum"] { maximum = n }
                if method == .points {
                    if let m = maximum, !(m.isFinite && m > 0 && m <= 1000) {
                        problem(path + [.key("maximum")], "第\(expected)项的分值应为正数", "an item's maximum must be a positive number")
                    } else if maximum == nil {
                        problem(path + [.key("maximum")], "第\(expected)项缺少分值 maximum", "item \(expected) has no maximum")
                    }
                }
                var media: [String: Double]? = nil
                if case .object(let m)? = v["media"] {
                    var table: [String: Double] = [:]
                    for (level, p) in m.pairs {
                        if case .number(let n) = p, n.isFinite, n >= 0 { table[level] = n } else {
                            problem(path + [.key("media"), .key(level)], "媒体级别“\(level)”的分值应为数字", "media points must be numbers")
                        }
                    }
                    media = table
                }
                items.append(Item(number: number, group: text(v["group"]), criteria: criteria, maximum: maximum,
                                  rules: text(v["rules"]), media: media))
            }
        } else {
            problem([.key("items")], "评估标准没有评估项 items", "the standard has no items")
        }
        notes = []
        if case .array(let list)? = root["notes"] {
            for (i, v) in list.enumerated() {
                if let t = text(v) { notes.append(Note(text: t, veto: false)); continue }
                guard let t = text(v["text"]), !t.isEmpty else {
                    problem([.key("notes"), .index(i)], "注释第\(i + 1)条没有文字 text", "note \(i + 1) has no text")
                    continue
                }
                notes.append(Note(text: t, veto: v["veto"]?.isTruthy ?? false))
            }
        }
        guard problems.isEmpty else { throw Invalid(problems: problems) }
    }
}
