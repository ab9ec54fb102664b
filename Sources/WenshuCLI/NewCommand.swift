import ArgumentParser
import Foundation
import Wenshu
import WenshuCore

/// `wenshu new TEMPLATE FOLDER`: a new document's folder, the first step of a new user's path.
struct NewCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "new",
            abstract: L("新建一份文书的文件夹：填写用的工作簿、示例文稿和说明", "make a new document's folder: the workbook to fill, example texts, a README"),
            discussion: LText("""
                例：wenshu new application 青石桥小学/ 建立文件夹，其中有 申报书填写.xlsx（用 Excel 或 WPS 填写）、\
                创建报告.docx 等示例文稿（用 Word 或 WPS 改写）、README.txt（三步：填写 → 检查 → 生成）和 wenshu.yaml（记下模板）。\
                填好后：wenshu check 青石桥小学/，再 wenshu build 青石桥小学/ 生成 青石桥小学/申报书.pdf。\
                文件夹已存在且不空时不写入（退出状态 1）。
                """, """
                E.g. wenshu new application 青石桥小学/ makes the folder with the workbook to fill in Excel or WPS, \
                example Word files for the long texts, README.txt (three steps: fill → check → build) and wenshu.yaml \
                (the template). Then: wenshu check 青石桥小学/ and wenshu build 青石桥小学/. An existing folder that is \
                not empty is refused (exit status 1).
                """))
    }

    @Argument(help: ArgumentHelp(L("模板名称（application、plan…，见 wenshu help）", "a template name (application, plan…)")))
    var template: String

    @Argument(help: ArgumentHelp(L("要建立的文件夹（如 青石桥小学/）", "the folder to make (e.g. 青石桥小学/)")))
    var folder: String

    @Flag(help: ArgumentHelp(L("在工作簿中填入各字段的示例（可立即生成，用来看效果）", "fill in the fields' examples (it builds at once, to see the result)")))
    var example = false

    @OptionGroup var templateFolders: TemplateFolderOptions

    func run() throws {
        try reportingErrors {
            let made = try DocumentFolder.create(template: template, at: folder, loader: templateFolders.builder().loader, example: example)
            print(L("已建立 \(folder)：", "made \(folder):"))
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder))?.sorted() ?? []
            for name in names { print("  \(name)") }
            print(L("下一步：填写 \(made.workbook)，再运行 wenshu check \(folder)，然后 wenshu build \(folder)（详见 README.txt）",
                    "next: fill in \(made.workbook), then run wenshu check \(folder) and wenshu build \(folder) (see README.txt)"))
        }
    }
}
