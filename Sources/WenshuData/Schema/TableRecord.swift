import WenshuCore

/// A table (a CSV file or a worksheet: a header row and rows) read as ONE document's record, for a
/// template whose fields are one document's (an application book, a notice), as a clerk fills a
/// sheet:
/// - a single data row is the record, its headers the fields' labels;
/// - two columns headed 项目/内容 (字段/值, 栏目/填写内容…) give a field per row: the first cell
///   names the field, the second holds its value;
/// - other worksheets named after a list field (步骤, 领导小组成员, 成果, 照片) fill that list, a row
///   each (`attach`).
/// Every value keeps its cell (名单!C14) as its place.
public enum TableRecord {
    /// Headers of the column that names the field, and of the column that holds its value.
    public static let itemHeaders: Set<String> = ["项目", "字段", "栏目", "名称", "项", "字段名", "填报项目"]
    public static let valueHeaders: Set<String> = ["内容", "值", "填写内容", "数值", "填报内容", "信息"]
    /// A third column beside them that only explains (a fill-in workbook's 说明), not read.
    public static let noteHeaders: Set<String> = ["说明", "填写说明", "备注", "示例"]

    /// The record `data` holds, or nil when it is not a table or is a list of several rows.
    public static func record(_ data: DataSet) -> DataSet? {
        guard case .object(let root) = data.root, case .array(let rows)? = root["rows"], !rows.isEmpty else { return nil }
        let headers = Set(rows.flatMap { row -> [String] in if case .object(let r) = row { r.pairs.map(\.0) } else { [] } })
        let item = headers.first { itemHeaders.contains($0.trimmedCell) }
        let value = headers.first { valueHeaders.contains($0.trimmedCell) }
        var out = DataSet()
        out.notes = data.notes
        out.locations[[]] = data.locations[[]]
        let others = headers.subtracting([item, value].compactMap { $0 })
        if let item, let value, others.allSatisfy({ noteHeaders.contains($0.trimmedCell) }) {
            var record = Record()
            // The cell each value came from: a merged area down the 内容 column gives one value to
            // several items, which is not what the clerk meant.
            var used: [SourceLocation: String] = [:]
            for (i, row) in rows.enumerated() {
                guard case .object(let r) = row else { continue }
                let cell: ValuePath = [.key("rows"), .index(i), .key(value)]
                let place = data.locations[cell] ?? data.location(of: cell)
                let name = r[item]?.description.trimmedCell ?? ""
                let filled = !(r[value]?.description.trimmedCell ?? "").isEmpty
                if name.isEmpty {
                    // A value with no 项目 beside it would be lost: say so.
                    if filled {
                        out.notes.append(Problem(severity: .warning, location: place, chinese: "这一行有内容但没有“\(item)”，未采用",
                                                 english: "a value without its item name was not used", hint: "请在左边一栏写上它是哪一项"))
                    }
                    continue
                }
                if record[name] != nil {
                    out.notes.append(Problem(severity: .warning, location: place, chinese: "“\(name)”填了两次，采用后一次",
                                             english: "‘\(name)’ is given twice; the later row is used", hint: "请删去多余的一行"))
                }
                if filled, let place, let first = used[place] {
                    out.notes.append(Problem(severity: .error, location: place,
                                             chinese: "合并单元格跨了“\(first)”和“\(name)”两项：请取消合并并在每格填值",
                                             english: "a merged cell spans the items ‘\(first)’ and ‘\(name)’; unmerge it and fill every cell",
                                             hint: "每一项的“\(value)”各占一格"))
                } else if filled, let place {
                    used[place] = name
                }
                record[name] = r[value] ?? .null
                out.locations[[.key(name)]] = place
            }
            out.root = .object(record)
            return out
        }
        guard rows.count == 1 else { return nil }
        out.root = rows[0]
        let prefix: ValuePath = [.key("rows"), .index(0)]
        for (path, place) in data.locations where path.starts(with: prefix) { out.locations[Array(path.dropFirst(2))] = place }
        return out
    }

    /// Puts the rows of `sheet` (another worksheet's table) into `record` under `key`, each value
    /// with its cell.
    public static func attach(_ sheet: DataSet, as key: String, to record: inout DataSet) {
        guard case .array(let rows)? = sheet.root["rows"], case .object(var root) = record.root else { return }
        root[key] = .array(rows)
        record.root = .object(root)
        record.locations[[.key(key)]] = sheet.locations[[.key("sheet")]] ?? sheet.locations[[]]
        let prefix: ValuePath = [.key("rows")]
        for (path, place) in sheet.locations where path.starts(with: prefix) && path.count > 1 {
            record.locations[[.key(key)] + path.dropFirst()] = place
        }
        record.notes += sheet.notes
    }
}
