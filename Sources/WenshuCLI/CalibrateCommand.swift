import ArgumentParser
import Foundation
import Wenshu
import WenshuCore

/// `wenshu calibrate -o calibration.pdf`: the 套打 calibration page (rulers in mm, crosshairs at
/// known points), to be printed on the stock and measured for a printer profile.
struct CalibrateCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "calibrate",
            abstract: L("写出套打校准页：四边的毫米标尺和已知位置的十字线", "write the 套打 calibration page: mm rulers along the edges and crosshairs at known points"),
            discussion: LText("""
                按实际大小打印在证书纸上，量出每个十字线到纸张左边和上边的距离，把差值写进打印机配置\
                （offset-x、offset-y 毫米，scale，rotation 度），供 --printer-profile 使用。给出配置时按配置打印，用来核对。
                退出状态：0 已写出；1 输入有误；2 用法错误。
                """, """
                Print it on the stock at actual size, measure each crosshair's distance from the paper's left and top \
                edges, and put the differences in a printer profile (offset-x, offset-y in mm, scale, rotation in degrees) \
                for --printer-profile. Given a profile, the page is printed through it, to check the profile.
                Exit status: 0 written; 1 invalid input; 2 usage error.
                """))
    }

    @Option(name: .shortAndLong, help: ArgumentHelp(L("要写出的 PDF", "the PDF to write")))
    var output: String

    @Option(help: ArgumentHelp(L("纸张：a4、a4-landscape、a5、a5-landscape、a3、a3-landscape，或 宽x高（毫米，如 250x180）",
                                 "the sheet: a4, a4-landscape, a5, a5-landscape, a3, a3-landscape, or WIDTHxHEIGHT in mm (e.g. 250x180)")))
    var size = "a4"

    @Option(name: .customLong("printer-profile"), help: ArgumentHelp(L("按此打印机配置打印本页（用来核对配置）", "print the page through this printer profile (to check it)")))
    var printerProfile: String?

    @OptionGroup var previews: PreviewOptions

    @OptionGroup var fontOptions: FontOptions

    /// The sheet's size, or nil when `text` names none.
    static func sheet(_ text: String) -> Size? {
        let presets: [String: (Double, Double)] = ["a3": (297, 420), "a4": (210, 297), "a5": (148, 210)]
        let t = text.lowercased()
        if let (w, h) = presets[t] { return Size(width: .mm(w), height: .mm(h)) }
        if t.hasSuffix("-landscape"), let (w, h) = presets[String(t.dropLast(10))] { return Size(width: .mm(h), height: .mm(w)) }
        let parts = t.replacingOccurrences(of: "mm", with: "").split(separator: "x").map { Double($0) }
        guard parts.count == 2, let w = parts[0], let h = parts[1], (20...1000).contains(w), (20...1000).contains(h) else { return nil }
        return Size(width: .mm(w), height: .mm(h))
    }

    func validate() throws {
        if Self.sheet(size) == nil {
            throw ValidationError(L("--size 应为 a4、a4-landscape、a5、a3 等，或 宽x高（毫米，20 到 1000），如 250x180；收到 ‘\(size)’",
                                    "--size takes a4, a4-landscape, a5, a3… or WIDTHxHEIGHT in mm from 20 to 1000; got ‘\(size)’"))
        }
    }

    func run() throws {
        try reportingErrors {
            guard let sheet = Self.sheet(size) else { throw ValidationError("--size") }
            let profile = try printerProfile.map(PrinterProfile.load)
            let compiler = try Compiler(fontFolders: fontOptions.fontDirs, fontOverrides: try fontOptions.overrides())
            let page = try compiler.calibrationPage(size: sheet)
            try compiler.write([page], info: DocumentInfo(title: "套打校准页"), pdf: output, pngFolder: previews.png,
                               pngResolution: previews.dpi, trace: previews.trace, inputs: [printerProfile].compactMap { $0 },
                               overprint: Overprint(stockOmitted: true, profile: profile))
            print(L("已写出 \(output)", "wrote \(output)"))
        }
    }
}
