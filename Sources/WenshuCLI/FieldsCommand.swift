import ArgumentParser
import Foundation
import Wenshu
import WenshuCore
import WenshuData

/// `wenshu fields TEMPLATE [--json]`: the fields a template's document declares.
struct FieldsCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "fields",
            abstract: L("列出模板声明的字段：中文名称、键、类型、是否必填、限制、示例、说明",
                        "show the fields a template declares: Chinese label, key, type, required, limit, example, help"),
            discussion: LText("读取模板的 fields.yaml（及其所继承模板的）。模板或字段表无法读取时退出状态为 1。",
                              "Reads the template's fields.yaml (and those of the templates it extends). Exit status 1 if the template or its fields cannot be read."))
    }

    @Argument(help: ArgumentHelp(BatchCommand.templateHelp))
    var template: String

    @Flag(help: ArgumentHelp(L("输出 JSON（供程序使用），不输出表格", "print JSON for tools instead of the table")))
    var json = false

    @OptionGroup var templateFolders: TemplateFolderOptions

    func run() throws {
        try reportingErrors {
            let loader = try templateFolders.builder().loader
            let loaded = try loader.load(template)
            let schema = try TemplateFields.schema(for: loaded, world: loader.world)
            if json {
                print(try FieldsTable.json(schema ?? FieldSchema(), template: template))
            } else if let schema {
                print(FieldsTable.text(schema, template: template), terminator: "")
            } else {
                print(L("模板 \(template) 没有声明字段：数据按原样使用，不改名、不设限制", "the template declares no fields: its data is used as written"))
            }
        }
    }
}
