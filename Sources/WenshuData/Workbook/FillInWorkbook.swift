import WenshuCore

/// The workbook a clerk fills for a template (issue 12): made from the template's fields, and read
/// back by `TableRecord` with no edits.
/// - 基本信息: a 项目/内容 sheet, a row per field that is not a list (its label, the value to fill,
///   and in 说明 whether it is required, its limit and its help; the help is also the input message
///   Excel and WPS show on the value's cell, and the cell validates what is typed: `validation`);
/// - a sheet per list field, named by its label, the list's own labels as the header row, each
///   column validated down to row 1000;
/// - 填写说明, last: the three steps.
/// With `example`, the values are the schema's examples, so the workbook builds as it is.
public enum FillInWorkbook {
    public static let instructionsSheet = "填写说明"

    public static func make(_ schema: FieldSchema, template: String, example: Bool = false) -> WorkbookWriter {
        var info: [[WorkbookWriter.Cell]] = [[.text("项目"), .text("内容"), .text("说明")]]
        var checks: [WorkbookWriter.Validation] = []
        var formats: [String: WorkbookWriter.Format] = [:]
        var lists: [WorkbookWriter.Sheet] = []
        for field in schema.fields {
            if field.type == .list {
                var header: [WorkbookWriter.Cell] = []
                var sample: [WorkbookWriter.Cell] = []
                var listChecks: [WorkbookWriter.Validation] = []
                var columnFormats: [Int: WorkbookWriter.Format] = [:]
                for (c, f) in field.fields.enumerated() {
                    header.append(.text(f.label))
                    sample.append(example ? cell(f) : .empty)
                    let column = XLSXLoader.columnName(c + 1)
                    listChecks.append(validation(f, range: "\(column)2:\(column)\(listRows)"))
                    columnFormats[c + 1] = format(f)
                }
                if header.isEmpty { header = [.text(field.label)]; sample = [.empty] }
                // An example row only where it names no file (an example photo is not beside the workbook).
                let sampleRow = example && !field.fields.contains { $0.type == .image }
                lists.append(WorkbookWriter.Sheet(name: field.label, rows: sampleRow ? [header, sample] : [header],
                                                  widths: Array(repeating: 24, count: header.count), validations: listChecks,
                                                  columnFormats: columnFormats))
                continue
            }
            if field.type == .record { continue }
            info.append([.text(field.label), example ? cell(field) : .empty, .text(note(field))])
            checks.append(validation(field, range: "B\(info.count)"))
            formats["B\(info.count)"] = format(field)
        }
        // Template parameters that stand in until replaced (the city's name): a row under the
        // parameter's own name, which is how the data replaces them.
        for p in schema.placeholders {
            let note = ["必填（印前须替换占位的“\(p.value ?? "")”）", p.label, p.help].compactMap { $0 }.joined(separator: "；")
            info.append([.text(p.parameter), example ? .text(p.value ?? "") : .empty, .text(note)])
            checks.append(WorkbookWriter.Validation(range: "B\(info.count)", prompt: note))
        }
        let steps: [[WorkbookWriter.Cell]] = [
            [.text("填写说明（\(template)）")],
            [.text("1. 在“基本信息”表的“内容”一栏逐项填写，“说明”一栏写明是否必填和字数限制，请勿改动“项目”一栏。")],
            [.text("2. 列表（如成果、照片）各占一张表，每行一项；长文（如创建报告）可写“见 创建报告.docx”，把 Word 文件放在本工作簿旁边。")],
            [.text("3. 保存后运行：wenshu check 本文件.xlsx --template \(template)，无误后 wenshu build \(template) 本文件.xlsx -o 申报书.pdf。")],
        ]
        return WorkbookWriter(sheets: [WorkbookWriter.Sheet(name: "基本信息", rows: info, widths: [22, 60, 40], validations: checks, cellFormats: formats)]
                              + lists + [WorkbookWriter.Sheet(name: instructionsSheet, rows: steps, widths: [120])])
    }

    /// What the 说明 column says of a field: required or not, its limit, its help.
    static func note(_ f: FieldSchema.Field) -> String {
        [f.required ? "必填" : "选填", f.limit, f.help].compactMap { $0 }.joined(separator: "；")
    }

    /// Rows of a list sheet that are validated (the header's and 999 below it).
    static let listRows = 1000
    /// The dates a date cell accepts (a birth date or a date of joining of anyone still in service).
    static let earliest = DateValue(year: 1920, month: 1, day: 1), latest = DateValue(year: 2100, month: 12, day: 31)

    /// What Excel checks of a field's cell as it is typed, the field's help as its input message: a
    /// date in a sensible range, a whole number from its least, one of a choice's values, text within
    /// the bureau's limit (refused past `max`; past `about` only a warning, 20% over as the check).
    static func validation(_ f: FieldSchema.Field, range: String) -> WorkbookWriter.Validation {
        var v = WorkbookWriter.Validation(range: range, prompt: note(f))
        switch f.type {
        case .date:
            if let earliest, let latest {
                v.rule = .date(from: earliest, to: latest)
                v.errorTitle = "日期有误"
                v.error = "“\(f.label)”应为\(earliest.year)年至\(latest.year)年间的日期，如 2023-10-15 或 2023年10月15日（请勿只写月日）"
            }
        case .wholeNumber:
            let least = f.minimum ?? 0
            v.rule = .whole(minimum: least)
            v.errorTitle = "应为整数"
            v.error = "“\(f.label)”应为不小于\(least)的整数，只填阿拉伯数字，如 \(f.example ?? "12")（不要写“人”“个”等字）"
        case .choice where !f.values.isEmpty:
            // Excel holds a list written in the rule to 255 characters, without commas in a value.
            let list = f.values.joined(separator: ",")
            if list.count <= 253 && !f.values.contains(where: { $0.contains(",") || $0.contains("\"") }) {
                v.rule = .list(f.values)
                v.errorTitle = "不是可选的值"
                v.error = "“\(f.label)”请从下拉列表中选择：\(f.values.joined(separator: "、"))"
            }
        default:
            if let max = f.max {
                v.rule = .textLength(max: max)
                v.errorTitle = "字数超出"
                v.error = "“\(f.label)”不超过\(max)字"
            } else if let about = f.about {
                v.rule = .textLength(max: about + about / 5)
                v.warning = true
                v.errorTitle = "字数偏多"
                v.error = "“\(f.label)”约\(about)字为宜，这里已超过\(about + about / 5)字；可以保留，但请考虑删减"
            }
        }
        return v
    }

    /// The format of a field's cell: a date's reads what is typed as a date, a whole number's as a
    /// number; every other is text, kept as typed.
    static func format(_ f: FieldSchema.Field) -> WorkbookWriter.Format {
        switch f.type {
        case .date: .date
        case .wholeNumber: .number
        default: .text
        }
    }

    static func cell(_ f: FieldSchema.Field) -> WorkbookWriter.Cell {
        guard let e = f.example, f.type != .image else { return .empty }
        if f.type == .wholeNumber, let n = Double(e) { return .number(n) }
        if f.type == .date, let d = DateValue(parsing: e) { return .date(d) }
        return .text(e)
    }
}
