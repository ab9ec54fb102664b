import WenshuCore

/// Fills an evaluation sheet from a reviewer's data: every item's score is its maximum less the
/// deductions the reviewer recorded, never below zero (deductions beyond the maximum are capped:
/// "各项得分或者扣分，均不超过每一项的规定分值"); item 14 adds points per media report by level
/// (县 1, 市 2, 省 3, 国家 6) up to its maximum; any veto (一票否决) makes the total zero and the
/// sheet says why.
///
/// Reviewer data (see templates/README.md): `deductions` maps item numbers to lists of
/// {reason, points}; `media` lists {level, title, date}; `veto` lists reasons.
public enum ScoringSheet {
    /// A problem in the reviewer's data.
    public static func problems(_ data: DataSet, standard: ScoringStandard = .programme) -> [Problem] {
        var out: [Problem] = []
        if case .object(let d)? = data.root["deductions"] {
            for (key, _) in d.pairs where Int(key).map({ n in standard.items.contains { $0.number == n } }) != true {
                out.append(Problem(severity: .error, location: data.location(of: [.key("deductions"), .key(key)]),
                                   chinese: "没有第\(key)项", english: "the standard has no item \(key) (1–\(standard.items.count))"))
            }
        }
        if case .array(let media)? = data.root["media"] {
            for (i, m) in media.enumerated() {
                let level = m["level"]?.description ?? ""
                if standard.mediaPoints[level] == nil {
                    out.append(Problem(severity: .error, location: data.location(of: [.key("media"), .index(i), .key("level")]),
                                       chinese: "媒体级别“\(level)”应为县、市、省或国家", english: "media level must be 县, 市, 省 or 国家"))
                }
            }
        }
        return out
    }

    /// The data with a `scoring` object added: items (number, group, criteria, maximum, rules,
    /// deductions, deducted, score, group_rows for the first item of each group), total, maximum,
    /// vetoed, veto_reasons.
    public static func compute(_ data: DataSet, standard: ScoringStandard = .programme) -> DataSet {
        var items: [Value] = []
        var total = 0.0
        let deductions = data.root["deductions"]
        for item in standard.items {
            var score: Double
            var listed: [Value] = []
            var deducted = 0.0
            if item.number == standard.mediaItem {
                var earned = 0.0
                if case .array(let media)? = data.root["media"] {
                    for m in media {
                        let points = standard.mediaPoints[m["level"]?.description ?? ""] ?? 0
                        earned += points
                        listed.append(.object(Record([("reason", .string("\(m["level"]?.description ?? "")级报道：\(m["title"]?.description ?? "")")),
                                                      ("points", .number(points))])))
                    }
                }
                score = min(item.maximum, earned)
            } else {
                if case .array(let list)? = deductions?[String(item.number)] {
                    for d in list {
                        let points = Double(d["points"]?.description ?? "") ?? 0
                        deducted += points
                        listed.append(.object(Record([("reason", .string(d["reason"]?.description ?? "")), ("points", .number(points))])))
                    }
                }
                score = item.maximum - min(item.maximum, max(0, deducted))
            }
            total += score
            let firstOfGroup = standard.items.first { $0.group == item.group }?.number == item.number
            let groupRows = firstOfGroup ? standard.items.filter { $0.group == item.group }.count : 0
            items.append(.object(Record([
                ("number", .number(Double(item.number))), ("group", .string(item.group)), ("criteria", .string(item.criteria)),
                ("maximum", .number(item.maximum)), ("rules", .string(item.rules)), ("deductions", .array(listed)),
                ("deducted", .number(min(item.maximum, deducted))), ("score", .number(score)),
                ("group_rows", .number(Double(groupRows))),
            ])))
        }
        var reasons: [Value] = []
        if case .array(let v)? = data.root["veto"] { reasons = v.filter(\.isTruthy) }
        let vetoed = !reasons.isEmpty
        var out = data
        if case .object(var root) = out.root {
            root["scoring"] = .object(Record([
                ("items", .array(items)), ("sum", .number(total)), ("total", .number(vetoed ? 0 : total)),
                ("maximum", .number(standard.total)), ("vetoed", .bool(vetoed)), ("veto_reasons", .array(reasons)),
                ("veto_note", .string(standard.vetoNote)),
            ]))
            out.root = .object(root)
        }
        return out
    }
}
