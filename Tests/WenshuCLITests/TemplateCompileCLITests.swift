import Foundation
import Testing

/// Templates the compiler refuses: exit 1, the place in the template, nothing written. Each of
/// these built with exit 0 before the compile pass.
@Suite struct TemplateCompileCLITests {
    let cli = CLITests()

    @Test(arguments: [
        ("<table><row><cell>\n<table><row><cell>内</cell></row></table></cell></row></table>", "t.xml:3:1", "<table> 不能放在 <cell> 里"),
        ("<table><row>\n<cell valign=\"middel\">x</cell></row></table>", "t.xml:3:7", "您是不是要用 middle？"),
        ("\n<rule color=\"bleu\"/>", "t.xml:3:7", "应为颜色"),
    ])
    func refusedWithItsPlaceAndNothingWritten(body: String, place: String, message: String) throws {
        let dir = try cli.folder()
        try "<template><body>\n\(body)</body></template>".write(toFile: dir + "/t.xml", atomically: true, encoding: .utf8)
        try "名称: 甲\n".write(toFile: dir + "/d.yaml", atomically: true, encoding: .utf8)
        let r = try cli.wenshu(["build", dir + "/t.xml", dir + "/d.yaml", "-o", dir + "/out.pdf"])
        #expect(r.status == 1)
        #expect(r.err.contains(place) && r.err.contains(message), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out.pdf"))
    }
}
