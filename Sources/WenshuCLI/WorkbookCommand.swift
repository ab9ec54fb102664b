import ArgumentParser
import Foundation
import Wenshu
import WenshuCore
import WenshuData

/// `wenshu workbook TEMPLATE -o 填写.xlsx`: the workbook a clerk fills for a template.
struct WorkbookCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "workbook",
            abstract: L("生成填写用的 Excel 工作簿", "write the fill-in workbook of a template's fields"),
            discussion: LText("""
                “基本信息”表每个字段一行（项目/内容/说明，选中单元格时也显示说明）；每个列表一张表；最后是“填写说明”。\
                在 Excel 或 WPS 中填好保存即可生成：wenshu build 模板 填写.xlsx -o 申报书.pdf。--example 填入各字段的示例。\
                模板没有声明字段或文件无法写出时退出状态为 1。
                """, """
                基本信息 sheet: a row per field (项目/内容/说明, the help also shown when a cell is chosen); a sheet \
                per list; 填写说明 last. Filled in Excel or WPS and saved, it builds as it is: \
                wenshu build TEMPLATE 填写.xlsx -o out.pdf. --example fills in the fields' examples. \
                Exit status 1 if the template declares no fields or the file cannot be written.
                """))
    }

    @Argument(help: ArgumentHelp(BatchCommand.templateHelp))
    var template: String

    @Option(name: .shortAndLong, help: ArgumentHelp(L("要写出的工作簿（.xlsx）", "the workbook to write (.xlsx)")))
    var output: String

    @Flag(help: ArgumentHelp(L("填入各字段的示例（可立即生成的工作簿）", "fill in each field's example (a workbook that builds at once)")))
    var example = false

    @OptionGroup var templateFolders: TemplateFolderOptions

    func validate() throws {
        guard output.lowercased().hasSuffix(".xlsx") else { throw ValidationError(L("-o 应以 .xlsx 结尾", "the workbook's name must end in .xlsx")) }
    }

    func run() throws {
        try reportingErrors {
            let loader = try templateFolders.builder().loader
            let loaded = try loader.load(template)
            guard let schema = try TemplateFields.schema(for: loaded, world: loader.world) else {
                throw DataError("模板 \(template) 没有声明字段，无法生成工作簿", "the template declares no fields", at: SourceLocation(file: loaded.path))
            }
            try FillInWorkbook.make(schema, template: template, example: example).write(to: output)
            print(L("已写出 \(output)", "wrote \(output)"))
        }
    }
}
