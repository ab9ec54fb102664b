import Foundation
import Testing

/// Chinese first (issue 12): help, usage errors and problems in Chinese with an English gloss,
/// unless the locale is English; a mistyped command or template gets a did-you-mean and the list.
@Suite struct LanguageCLITests {
    let cli = CLITests()
    static let commands = ["new", "build", "check", "typeset", "fonts", "batch", "calibrate", "fields", "workbook",
                           "merge", "serve"]

    func hasHan(_ s: Substring) -> Bool { s.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }

    @Test(arguments: ["", "zh_CN.UTF-8", "C.UTF-8"])
    func everyHelpIsInChineseWithItsGloss(locale: String) throws {
        for command in [[]] + Self.commands.map({ [$0] }) {
            let r = try cli.wenshu(command + ["--help"], locale: locale)
            #expect(r.status == 0)
            let lines = r.out.split(separator: "\n")
            // The overview in Chinese, then its English; ArgumentParser's headings glossed.
            let overview = try #require(lines.first)
            #expect(overview.hasPrefix("概述 OVERVIEW: ") && hasHan(overview.dropFirst(13).prefix(1)), "\(command): \(overview)")
            #expect(r.out.contains("用法 USAGE: ") && r.out.contains("选项 OPTIONS:") && r.out.contains("显示帮助 (show help information)"))
            // Every option's help starts in Chinese (`  -o, --output <output>   要写出的…`: the help from column 26).
            for line in lines where line.hasPrefix("  -") && line.count > 26 && line.dropFirst(24).hasPrefix("  ") {
                let help = line.dropFirst(26)
                #expect(hasHan(help.prefix(8)), "\(command): \(line)")
            }
        }
    }

    @Test func everyHelpIsInEnglishAloneUnderAnEnglishLocale() throws {
        for command in [[]] + Self.commands.map({ [$0] }) {
            let r = try cli.wenshu(command + ["--help"], locale: "en_US.UTF-8")
            #expect(r.status == 0)
            let overview = try #require(r.out.split(separator: "\n").first)
            #expect(overview.hasPrefix("OVERVIEW: ") && overview.dropFirst(10).first?.isLowercase == true, "\(command): \(overview)")
            #expect(r.out.contains("USAGE: ") && !r.out.contains("用法") && !r.out.contains("选项") && !r.out.contains("显示帮助"))
            #expect(!r.out.contains("默认") && !r.out.contains("退出状态"), "\(command)")
        }
    }

    @Test func aUsageErrorIsOneChineseLineFirstAndExitsTwo() throws {
        let zh = try cli.wenshu(["build"])
        #expect(zh.status == 2)
        #expect(zh.err.hasPrefix("wenshu: 用法错误：缺少参数 <template> (usage error: Missing expected argument '<template>')\n"), "\(zh.err)")
        #expect(zh.err.contains("用法 Usage: wenshu build"))
        let en = try cli.wenshu(["build"], locale: "en_US.UTF-8")
        #expect(en.status == 2)
        #expect(en.err.hasPrefix("wenshu: usage error: Missing expected argument '<template>'\nHelp:  <template>"), "\(en.err)")
        let option = try cli.wenshu(["build", "notice", "x.yaml", "-o", "x.pdf", "--formt", "pdf"])
        #expect(option.status == 2 && option.err.hasPrefix("wenshu: 用法错误：没有选项 --formt；您是不是要用 --format？ (usage error: "), "\(option.err)")
        // Wenshu's own usage errors are said in the locale's language too.
        let dpi = try cli.wenshu(["typeset", "in.txt", "-o", "x.pdf", "--dpi", "5"], locale: "en_US.UTF-8")
        #expect(dpi.status == 2 && dpi.err.hasPrefix("wenshu: usage error: --dpi takes a resolution from 10 to 1200"), "\(dpi.err)")
        // A module's "中文 (English)" usage error: its English alone under an English locale.
        let shard = ["batch", "certificate", "名单.csv", "-o", "o.pdf", "--shard", "9/8"]
        let shardZh = try cli.wenshu(shard)
        #expect(shardZh.status == 2 && shardZh.err.hasPrefix("wenshu: 用法错误：--shard 取 K/N"), "\(shardZh.err)")
        let shardEn = try cli.wenshu(shard, locale: "en_US.UTF-8")
        #expect(shardEn.status == 2 && shardEn.err.hasPrefix("wenshu: usage error: --shard takes K/N with 1 ≤ K ≤ N ≤ "), "\(shardEn.err)")
        #expect(shardEn.err.contains("got 9/8") && !shardEn.err.contains("取"), "\(shardEn.err)")
    }

    @Test func aMistypedCommandGetsTheClosestAndTheList() throws {
        let zh = try cli.wenshu(["biuld", "application"])
        #expect(zh.status == 2)
        #expect(zh.err.hasPrefix("wenshu: 用法错误：没有命令 ‘biuld’ (usage error: no command ‘biuld’)；您是不是要用 build？"), "\(zh.err)")
        #expect(zh.err.contains("new、build、check"))
        let en = try cli.wenshu(["chekc"], locale: "en_US.UTF-8")
        #expect(en.status == 2 && en.err.hasPrefix("wenshu: usage error: no command ‘chekc’; did you mean check? expected one of: new, build"), "\(en.err)")
    }

    @Test func aMistypedTemplateGetsTheClosestAndTheTemplates() throws {
        let r = try cli.wenshu(["new", "aplication", NSTemporaryDirectory() + "wenshu-\(UUID().uuidString)"])
        #expect(r.status == 1)
        #expect(r.err.contains("没有名为 ‘aplication’ 的模板") && r.err.contains("您是不是要用 application？") && r.err.contains("certificate"), "\(r.err)")
        let en = try cli.wenshu(["fields", "notise"], locale: "en_US.UTF-8")
        #expect(en.status == 1 && en.err.contains("error: no template named ‘notise’") && en.err.contains("did you mean notice?") && !en.err.contains("没有名为"),
                "\(en.err)")
    }

    @Test func problemsAreTheGlossAloneUnderAnEnglishLocale() throws {
        let r = try cli.wenshu(["typeset", "/no/such/input.txt", "-o", "/tmp/x.pdf"], locale: "en_US.UTF-8")
        #expect(r.status == 1)
        #expect(r.err == "wenshu: /no/such/input.txt: error: cannot read the file: No such file or directory\n")
    }
}
