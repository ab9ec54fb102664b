import WenshuCore

/// Fills an evaluation from a reviewer's data against a `ScoringStandard`, and sums up many.
///
/// `points` standards: every item's score is its maximum less the deductions the reviewer recorded,
/// never below zero ("各项得分或者扣分，均不超过每一项的规定分值"); an item scored from media reports
/// adds points per report by level up to its maximum; any veto (一票否决) makes the total zero and the
/// sheet says why. `grades` standards: each criterion's grade counts as the standard says.
///
/// Reviewer data (see templates/README.md) under the English keys: `deductions` maps item numbers
/// to lists of {reason, points}; `media` lists {level, title, date}; `veto` lists reasons; `grades`
/// maps item numbers to grade names; `comments` maps item numbers to text. The sheet's own labels
/// (扣分, 原因, 级别, 标题 …) are the template's: its fields.yaml names them, and the data is read
/// against it (`SchemaChecker.normalize`) before it comes here.
public enum ScoringSheet {
    /// The value of `name` in `record`, with the key it is under.
    static func field(_ record: Value?, _ name: String) -> (key: String, value: Value)? {
        record?[name].map { (name, $0) }
    }

    /// The scoring of one reviewer's record at `prefix` of `data`, and the problems of it.
    public static func evaluate(_ data: DataSet, at prefix: ValuePath = [], standard: ScoringStandard) -> (scoring: Value, problems: [Problem]) {
        let record = data.value(at: prefix)
        var problems: [Problem] = []
        func problem(_ path: ValuePath, _ chinese: String, _ english: String) {
            problems.append(Problem(severity: .error, location: data.location(of: prefix + path), chinese: chinese, english: english))
        }
        func number(_ v: Value?) -> Double? {
            switch v {
            case .number(let n)?: return n.isFinite ? n : nil
            case .string(let s)?: return Double(s.trimmingCharacters(in: .whitespaces)).flatMap { $0.isFinite ? $0 : nil }
            default: return nil
            }
        }
        let numbers = Set(standard.items.map(\.number))
        // Per-item maps keyed by the item's number ("1" … "14").
        func perItem(_ name: String) -> [Int: (path: ValuePath, value: Value)] {
            guard let (key, v) = field(record, name) else { return [:] }
            guard case .object(let map) = v else {
                // Named as the data wrote it (扣分, 评定 …).
                let label = data.writtenLabels[prefix + [.key(key)]] ?? key
                if v.isTruthy { problem([.key(key)], "“\(label)”应按项号列出（如 1: …）", "\(key) must map item numbers to entries") }
                return [:]
            }
            var out: [Int: (ValuePath, Value)] = [:]
            for (k, entry) in map.pairs {
                guard let n = Int(k), numbers.contains(n) else {
                    problem([.key(key), .key(k)], "评估标准没有第\(k)项（共\(standard.items.count)项）",
                            "the standard has no item \(k) (1–\(standard.items.count))")
                    continue
                }
                out[n] = ([.key(key), .key(k)], entry)
            }
            return out
        }
        let deductions = standard.method == .points ? perItem("deductions") : [:]
        let grades = standard.method == .grades ? perItem("grades") : [:]
        let comments = perItem("comments")
        var media: [(level: String, title: String, path: ValuePath)] = []
        if let (key, v) = field(record, "media") {
            if case .array(let list) = v {
                for (i, m) in list.enumerated() {
                    let level = field(m, "level")?.value.description ?? ""
                    media.append((level, field(m, "title")?.value.description ?? "", [.key(key), .index(i)]))
                }
            } else if v.isTruthy {
                problem([.key(key)], "媒体报道应为列表", "media must be a list of reports")
            }
        }
        var items: [Value] = []
        var total = 0.0
        for item in standard.items {
            var listed: [Value] = []
            var deducted = 0.0
            var score: Double? = nil
            var grade = ""
            if standard.method == .grades {
                if let (path, v) = grades[item.number] {
                    grade = v.description
                    if let g = standard.grades.first(where: { $0.name == grade }) {
                        score = g.value
                    } else {
                        problem(path, "评定“\(grade)”应为\(standard.grades.map(\.name).joined(separator: "、"))之一",
                                "a grade must be one of the standard's grades")
                    }
                }
            } else if let table = item.media {
                var earned = 0.0
                for m in media {
                    guard let points = table[m.level] else {
                        problem(m.path + [.key("level")], "媒体级别“\(m.level)”应为\(table.keys.sorted().joined(separator: "、"))之一",
                                "the media level must be one the standard scores")
                        continue
                    }
                    earned += points
                    listed.append(.object(Record([("reason", .string("\(m.level)级报道：\(m.title)")), ("points", .number(points))])))
                }
                score = min(item.maximum ?? 0, earned)
            } else {
                if let (path, v) = deductions[item.number] {
                    let list: [Value]
                    if case .array(let a) = v { list = a } else { list = [v] }
                    for (i, d) in list.enumerated() {
                        guard let points = number(field(d, "points")?.value), points >= 0 else {
                            problem(path + [.index(i)], "扣分应为不小于0的数字", "a deduction's points must be a number, 0 or more")
                            continue
                        }
                        deducted += points
                        listed.append(.object(Record([("reason", .string(field(d, "reason")?.value.description ?? "")),
                                                      ("points", .number(points))])))
                    }
                }
                let maximum = item.maximum ?? 0
                score = maximum - min(maximum, deducted)
            }
            total += score ?? 0
            let group = item.group ?? ""
            let firstOfGroup = standard.items.first { ($0.group ?? "") == group }?.number == item.number
            let groupRows = firstOfGroup ? standard.items.filter { ($0.group ?? "") == group }.count : 0
            items.append(.object(Record([
                ("number", .number(Double(item.number))), ("group", .string(group)), ("criteria", .string(item.criteria)),
                ("maximum", item.maximum.map { .number($0) } ?? .null), ("rules", .string(item.rules ?? "")),
                ("deductions", .array(listed)), ("deducted", .number(min(item.maximum ?? 0, deducted))),
                ("score", score.map { .number($0) } ?? .null), ("grade", .string(grade)),
                ("comment", .string(comments[item.number]?.value.description ?? "")),
                ("group_rows", .number(Double(groupRows))),
            ])))
        }
        var reasons: [Value] = []
        if let (_, v) = field(record, "veto") {
            if case .array(let list) = v { reasons = list.filter(\.isTruthy) } else if v.isTruthy, case .string = v { reasons = [v] }
        }
        let vetoed = !reasons.isEmpty
        var groupTotals: [Value] = []
        for g in standard.groups {
            let sum = g.items.reduce(0.0) { acc, it in
                acc + (items.first { $0["number"] == .number(Double(it.number)) }?["score"].flatMap { if case .number(let n) = $0 { n } else { nil } } ?? 0)
            }
            groupTotals.append(.object(Record([("name", .string(g.name)), ("score", .number(sum)),
                                                ("maximum", .number(g.items.reduce(0) { $0 + ($1.maximum ?? 0) }))])))
        }
        let scoring = Value.object(Record([
            ("title", .string(standard.title)), ("label", .string(standard.label ?? "")),
            ("method", .string(standard.method.rawValue)), ("columns", .array(standard.columns.map { .string($0) })),
            ("items", .array(items)), ("groups", .array(groupTotals)),
            ("sum", .number(total)), ("total", .number(vetoed ? 0 : total)),
            ("maximum", .number(standard.total)), ("vetoed", .bool(vetoed)), ("veto_reasons", .array(reasons)),
            ("veto_note", .string(standard.vetoNote ?? "")),
            ("notes", .array(standard.notes.map { .string($0.text) })),
            ("grades", .array(standard.grades.map { .string($0.name) })),
        ]))
        return (scoring, problems)
    }

    /// The data with a `scoring` object added for its reviewer's record; and the problems.
    public static func compute(_ data: DataSet, standard: ScoringStandard) -> (DataSet, [Problem]) {
        let (scoring, problems) = evaluate(data, standard: standard)
        var out = data
        if case .object(var root) = out.root {
            root["scoring"] = scoring
            out.root = .object(root)
        }
        return (out, problems)
    }

    /// The data with a `summary` object added: every record of `schools` evaluated, ranked by total
    /// (a veto last; equal totals share a rank, the next rank skipped: 1, 2, 2, 4), with each group's
    /// subtotal. `rows` holds rank, school, brand, groups (scores in the standard's group order),
    /// total, vetoed; `groups` the group names and maxima.
    public static func summarize(_ data: DataSet, standard: ScoringStandard) -> (DataSet, [Problem]) {
        var problems: [Problem] = []
        var rows: [(record: Record, total: Double, vetoed: Bool)] = []
        if case .array(let schools)? = data.root["schools"] {
            for (i, school) in schools.enumerated() {
                let (scoring, p) = evaluate(data, at: [.key("schools"), .index(i)], standard: standard)
                problems += p
                let total: Double = if case .number(let n)? = scoring["total"] { n } else { 0 }
                let vetoed = scoring["vetoed"]?.isTruthy ?? false
                let name = school["school"] ?? school["单位名称"] ?? school["学校"] ?? .string("")
                let brand = school["brand"]?["name"] ?? school["品牌名称"] ?? .string("")
                let groups: [Value] = if case .array(let g)? = scoring["groups"] { g.compactMap { $0["score"] } } else { [] }
                rows.append((Record([("school", name), ("brand", brand), ("groups", .array(groups)), ("total", .number(total)),
                                     ("vetoed", .bool(vetoed)), ("veto_reasons", scoring["veto_reasons"] ?? .array([]))]),
                             total, vetoed))
            }
        }
        let better: ((record: Record, total: Double, vetoed: Bool), (record: Record, total: Double, vetoed: Bool)) -> Bool = {
            $0.vetoed != $1.vetoed ? !$0.vetoed : $0.total > $1.total
        }
        let ordered = rows.enumerated().sorted { a, b in better(a.element, b.element) || (!better(b.element, a.element) && a.offset < b.offset) }
        var ranked: [Value] = []
        for (position, entry) in ordered.enumerated() {
            var r = entry.element.record
            let rank = ordered.prefix(position).filter { better($0.element, entry.element) }.count + 1
            r["rank"] = .number(Double(rank))
            r["number"] = .number(Double(position + 1))
            ranked.append(.object(r))
        }
        let summary = Value.object(Record([
            ("title", .string(standard.title)), ("rows", .array(ranked)), ("count", .number(Double(rows.count))),
            ("maximum", .number(standard.total)),
            // A width per group column, for the table's column list.
            ("group_columns", .string(Array(repeating: "22mm", count: standard.groups.count).joined(separator: " "))),
            ("groups", .array(standard.groups.map { g in
                .object(Record([("name", .string(g.name)), ("maximum", .number(g.items.reduce(0) { $0 + ($1.maximum ?? 0) }))]))
            })),
        ]))
        var out = data
        if case .object(var root) = out.root {
            root["summary"] = summary
            out.root = .object(root)
        }
        return (out, problems)
    }

    /// The data with the bare standard added as `scoring` (no reviewer's marks): for a blank form.
    public static func blank(_ data: DataSet, standard: ScoringStandard) -> DataSet {
        var empty = data
        if case .object(var root) = empty.root {
            for k in ["deductions", "media", "veto", "grades", "comments"] { root[k] = nil }
            empty.root = .object(root)
        }
        var (out, _) = compute(empty, standard: standard)
        // A blank form prints no scores.
        if case .object(var root) = out.root, case .object(var scoring)? = root["scoring"], case .array(let items)? = scoring["items"] {
            scoring["items"] = .array(items.map { item in
                guard case .object(var r) = item else { return item }
                r["score"] = .null
                return .object(r)
            })
            scoring["blank"] = .bool(true)
            root["scoring"] = .object(scoring)
            out.root = .object(root)
        }
        return out
    }
}
