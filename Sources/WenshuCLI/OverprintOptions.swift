import ArgumentParser
import Foundation
import Wenshu
import WenshuCore
import WenshuData

/// 套打 options, shared by `build` and `batch`: print onto pre-printed stock.
struct OverprintOptions: ParsableArguments {
    @Flag(name: .customLong("taoda"), help: "套打: print only the variable fields, leaving out what the pre-printed stock carries (<stock>, border-stock, seal-stock).")
    var taoda = false

    @Flag(name: .customLong("print-stock"), help: "Print only the stock (border, title, seal…): blank stock on plain paper, to 套打 later.")
    var printStock = false

    @Option(name: .customLong("printer-profile"), help: "A printer's correction measured on `wenshu calibrate` (YAML: offset-x, offset-y in mm, scale, rotation in degrees), applied to what is printed.")
    var printerProfile: String?

    @Option(name: .customLong("stock-scan"), help: "A scan of the blank stock (PNG) shown under the previews (--png, --preview), never printed.")
    var stockScan: String?

    @Option(name: .customLong("preview"), help: "Also write a preview PDF: what is printed, on the stock (its scan, or the template's stock layer).")
    var preview: String?

    func validate() throws {
        if taoda && printStock { throw ValidationError("--taoda 与 --print-stock 不能同时使用 (--taoda prints the fields, --print-stock the stock: choose one)") }
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
