import ArgumentParser
import Foundation
import Wenshu
import WenshuCore
import WenshuData

/// 套打 options, shared by `build` and `batch`: print onto pre-printed stock.
struct OverprintOptions: ParsableArguments {
    @Flag(name: .customLong("taoda"), help: ArgumentHelp(L("套打：只印变动的内容，不印证书纸上已印的部分（<stock>、边框、印章）", "套打: print only the variable fields, leaving out what the pre-printed stock carries (<stock>, border-stock, seal-stock)")))
    var taoda = false

    @Flag(name: .customLong("print-stock"), help: ArgumentHelp(L("只印底版（边框、标题、印章…），在白纸上印出空白证书纸，以后再套打", "print only the stock (border, title, seal…): blank stock on plain paper, to 套打 later")))
    var printStock = false

    @Option(name: .customLong("printer-profile"), help: ArgumentHelp(L("在 wenshu calibrate 校准页上量得的打印机校正（YAML：offset-x、offset-y 毫米，scale，rotation 度），用于打印件",
                               "a printer's correction measured on `wenshu calibrate` (YAML: offset-x, offset-y in mm, scale, rotation in degrees), applied to what is printed")))
    var printerProfile: String?

    @Option(name: .customLong("stock-scan"), help: ArgumentHelp(L("空白证书纸的扫描图（PNG），垫在预览（--png、--preview）下面，不会印出", "a scan of the blank stock (PNG) shown under the previews (--png, --preview), never printed")))
    var stockScan: String?

    @Option(name: .customLong("preview"), help: ArgumentHelp(L("同时写出预览 PDF：印在证书纸上的样子（用扫描图或模板的底版层）", "also write a preview PDF: what is printed, on the stock (its scan, or the template's stock layer)")))
    var preview: String?

    func validate() throws {
        if taoda && printStock { throw ValidationError(L("--taoda 与 --print-stock 不能同时使用", "--taoda prints the fields, --print-stock the stock: choose one")) }
    }

    /// The 套打 settings, with the profile read and the scan checked.
    func overprint() throws -> Overprint {
        if let stockScan, !FileManager.default.fileExists(atPath: stockScan) {
            throw DataError("找不到底图扫描件 \(stockScan)；请检查 --stock-scan 的路径", "no stock scan at \(stockScan): check --stock-scan",
                            at: SourceLocation(file: stockScan))
        }
        return Overprint(stockOmitted: taoda, contentOmitted: printStock, profile: try printerProfile.map(PrinterProfile.load), scan: stockScan)
    }

    /// Any 套打 option given (they apply to PDF output).
    var given: Bool { taoda || printStock || printerProfile != nil || stockScan != nil || preview != nil }

    /// The files given (inputs an output must not replace).
    var inputs: [String] { [printerProfile, stockScan].compactMap { $0 } }
}
