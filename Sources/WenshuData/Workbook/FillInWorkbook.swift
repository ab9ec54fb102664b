import WenshuCore

/// The workbook a clerk fills for a template (issue 12): made from the template's fields, and read
/// back by `TableRecord` with no edits.
/// - 基本信息: a 项目/内容 sheet, a row per field that is not a list (its label, the value to fill,
///   and in 说明 whether it is required, its limit and its help; the help is also the input message
///   Excel and WPS show on the value's cell);
/// - a sheet per list field, named by its label, the list's own labels as the header row;
/// - 填写说明, last: the three steps.
/// With `example`, the values are the schema's examples, so the workbook builds as it is.
public enum FillInWorkbook {
    public static let instructionsSheet = "填写说明"

    public static func make(_ schema: FieldSchema, template: String, example: Bool = false) -> WorkbookWriter {
        var info: [[WorkbookWriter.Cell]] = [[.text("项目"), .text("内容"), .text("说明")]]
        var prompts: [(range: String, text: String)] = []
        var lists: [WorkbookWriter.Sheet] = []
        for field in schema.fields {
            if field.type == .list {
                var header: [WorkbookWriter.Cell] = []
                var sample: [WorkbookWriter.Cell] = []
                var listPrompts: [(range: String, text: String)] = []
                for (c, f) in field.fields.enumerated() {
                    header.append(.text(f.label))
                    sample.append(example ? cell(f) : .empty)
                    let column = XLSXLoader.columnName(c + 1)
                    listPrompts.append(("\(column)2:\(column)1000", note(f)))
                }
                if header.isEmpty { header = [.text(field.label)]; sample = [.empty] }
                // An example row only where it names no file (an example photo is not beside the workbook).
                let sampleRow = example && !field.fields.contains { $0.type == .image }
                lists.append(WorkbookWriter.Sheet(name: field.label, rows: sampleRow ? [header, sample] : [header],
                                                  widths: Array(repeating: 24, count: header.count), prompts: listPrompts))
                continue
            }
            if field.type == .record { continue }
            info.append([.text(field.label), example ? cell(field) : .empty, .text(note(field))])
            prompts.append(("B\(info.count)", note(field)))
        }
        // Template parameters that stand in until replaced (the city's name): a row under the
        // parameter's own name, which is how the data replaces them.
        for p in schema.placeholders {
            let note = ["必填（印前须替换占位的“\(p.value ?? "")”）", p.label, p.help].compactMap { $0 }.joined(separator: "；")
            info.append([.text(p.parameter), example ? .text(p.value ?? "") : .empty, .text(note)])
            prompts.append(("B\(info.count)", note))
        }
        let steps: [[WorkbookWriter.Cell]] = [
            [.text("填写说明（\(template)）")],
            [.text("1. 在“基本信息”表的“内容”一栏逐项填写，“说明”一栏写明是否必填和字数限制，请勿改动“项目”一栏。")],
            [.text("2. 列表（如成果、照片）各占一张表，每行一项；长文（如创建报告）可写“见 创建报告.docx”，把 Word 文件放在本工作簿旁边。")],
            [.text("3. 保存后运行：wenshu check 本文件.xlsx --template \(template)，无误后 wenshu build \(template) 本文件.xlsx -o 申报书.pdf。")],
        ]
        return WorkbookWriter(sheets: [WorkbookWriter.Sheet(name: "基本信息", rows: info, widths: [22, 60, 40], prompts: prompts)]
                              + lists + [WorkbookWriter.Sheet(name: instructionsSheet, rows: steps, widths: [120])])
    }

    /// What the 说明 column says of a field: required or not, its limit, its help.
    static func note(_ f: FieldSchema.Field) -> String {
        [f.required ? "必填" : "选填", f.limit, f.help].compactMap { $0 }.joined(separator: "；")
    }

    static func cell(_ f: FieldSchema.Field) -> WorkbookWriter.Cell {
        guard let e = f.example, f.type != .image else { return .empty }
        if f.type == .wholeNumber, let n = Double(e) { return .number(n) }
        return .text(e)
    }
}
