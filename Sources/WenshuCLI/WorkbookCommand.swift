import ArgumentParser
import Foundation
import Wenshu
import WenshuCore
import WenshuData

/// `wenshu workbook TEMPLATE -o 填写.xlsx`: the workbook a clerk fills for a template.
struct WorkbookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workbook",
        abstract: "生成填写用的 Excel 工作簿 (write the fill-in workbook of a template's fields).",
        discussion: """
            基本信息 sheet: a row per field (项目/内容/说明, the help also shown when a cell is chosen); a sheet \
            per list; 填写说明 last. Filled in Excel or WPS and saved, it builds as it is: \
            wenshu build TEMPLATE 填写.xlsx -o out.pdf. --example fills in the fields' examples. \
            Exit status 1 if the template declares no fields or the file cannot be written.
            """)

    @Argument(help: "A template name under templates/ (application, notice…) or the path of a template file.")
    var template: String

    @Option(name: .shortAndLong, help: "The workbook to write (.xlsx).")
    var output: String

    @Flag(help: "Fill in each field's example (a workbook that builds at once).")
    var example = false

    @OptionGroup var templateFolders: TemplateFolderOptions

    func validate() throws {
        guard output.lowercased().hasSuffix(".xlsx") else { throw ValidationError("-o 应以 .xlsx 结尾 (the workbook's name must end in .xlsx)") }
    }

    func run() throws {
        try reportingErrors {
            let loader = try templateFolders.builder().loader
            let loaded = try loader.load(template)
            guard let schema = try TemplateFields.schema(for: loaded, world: loader.world) else {
                throw DataError("模板 \(template) 没有声明字段，无法生成工作簿", "the template declares no fields", at: SourceLocation(file: loaded.path))
            }
            try FillInWorkbook.make(schema, template: template, example: example).write(to: output)
            print("wrote \(output)")
        }
    }
}
