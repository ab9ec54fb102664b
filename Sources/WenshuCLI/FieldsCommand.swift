import ArgumentParser
import Foundation
import Wenshu
import WenshuCore
import WenshuData

/// `wenshu fields TEMPLATE [--json]`: the fields a template's document declares.
struct FieldsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fields",
        abstract: "Show the fields a template declares: Chinese label, key, type, required, limit, example, help.",
        discussion: "Reads the template's fields.yaml (and those of the templates it extends). Exit status 1 if the template or its fields cannot be read.")

    @Argument(help: "A template name under templates/ (notice, plan, application…) or the path of a template file.")
    var template: String

    @Flag(help: "Print JSON for tools instead of the table.")
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
                print("模板 \(template) 没有声明字段：数据按原样使用，不改名、不设限制 (the template declares no fields: its data is used as written)")
            }
        }
    }
}
