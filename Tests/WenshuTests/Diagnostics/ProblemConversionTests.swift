import Foundation
import Testing
import WenshuCore
@testable import WenshuData
import WenshuDocx
import WenshuFonts
import WenshuLayout
import WenshuOFD
import WenshuPDFA
import WenshuRender
import WenshuTemplate
import WenshuText
@testable import Wenshu

/// Every error type of every module becomes the one `Problem`: its place, its Chinese, an English
/// gloss, and the hint where it has one.
struct ProblemConversionTests {
    let here = WenshuCore.SourceLocation(file: "data.yaml", line: 4, column: 7)

    /// Each problem is an error with Chinese (a Han character) and an English gloss.
    func expectParts(_ p: Problem, place: WenshuCore.SourceLocation?, chinese: String, english: String,
                     sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(p.severity == .error, sourceLocation: sourceLocation)
        #expect(p.location == place, "\(p)", sourceLocation: sourceLocation)
        #expect(p.chinese.contains(chinese), "\(p)", sourceLocation: sourceLocation)
        #expect(p.english.contains(english), "\(p)", sourceLocation: sourceLocation)
    }

    @Test func fontError() {
        let p = FontError.fileMissing("/no/such.ttf").problem
        expectParts(p, place: WenshuCore.SourceLocation(file: "/no/such.ttf"), chinese: "找不到字体文件", english: "font file not found")
        #expect(p.hint == "请检查 --font 的路径")
        let t = FontError.roleTableInvalid("roles.tsv", line: 9, "列数不对").problem
        expectParts(t, place: WenshuCore.SourceLocation(file: "roles.tsv", line: 9), chinese: "列数不对", english: "role table is invalid")
    }

    @Test func textAndLayoutErrorsKeepTheFontsPlace() {
        let font = FontError.folderMissing("/no/dir")
        expectParts(TextError.fonts(font).problem, place: WenshuCore.SourceLocation(file: "/no/dir"), chinese: "找不到字体文件夹", english: "font folder not found")
        expectParts(LayoutError.text(.fonts(font)).problem, place: WenshuCore.SourceLocation(file: "/no/dir"), chinese: "找不到字体文件夹", english: "font folder")
        expectParts(LayoutError.image("seal.png", "不是图片（not an image）").problem, place: WenshuCore.SourceLocation(file: "seal.png"),
                    chinese: "无法使用这张图片：不是图片", english: "cannot use the image: not an image")
        expectParts(LayoutError.extreme("行距为零（a zero pitch）").problem, place: nil, chinese: "无法排版", english: "cannot lay out")
    }

    @Test func templateError() {
        let p = TemplateError("未知的过滤器 ‘shout’", "unknown filter ‘shout’", hint: "可用：date", at: here).problem
        expectParts(p, place: here, chinese: "未知的过滤器 ‘shout’", english: "unknown filter ‘shout’")
        #expect(p.hint == "可用：date")
        let old = TemplateError("模板是空文件（the template file is empty）；请写入 <template>", at: here).problem
        expectParts(old, place: here, chinese: "模板是空文件", english: "the template file is empty")
        #expect(old.hint == "请写入 <template>")
    }

    @Test func dataAndXMLErrors() {
        expectParts(DataError("品牌名称为空", "brand name is empty", at: here).problem, place: here, chinese: "品牌名称为空", english: "brand name is empty")
        expectParts(XMLError(location: here, message: "XML 格式有误（malformed XML）").problem, place: here, chinese: "XML 格式有误", english: "malformed XML")
    }

    @Test func fileErrors() throws {
        let write = AtomicFile.WriteError(path: "/out/x.pdf", errno: ENOSPC).problem
        expectParts(write, place: WenshuCore.SourceLocation(file: "/out/x.pdf"), chinese: "磁盘已满", english: "cannot write")
        #expect(write.hint?.contains("腾出磁盘空间") == true)
        do { _ = try InputFile.read("/no/such/input.txt", limit: 10); Issue.record("read a missing file") } catch {
            expectParts(error.problem, place: WenshuCore.SourceLocation(file: "/no/such/input.txt"), chinese: "找不到文件", english: "file not found")
        }
        expectParts(ImageInfo.ReadError(path: "a.png", reason: "不是 PNG（not a PNG）").problem, place: WenshuCore.SourceLocation(file: "a.png"),
                    chinese: "无法使用这张图片", english: "cannot use the image")
        expectParts(OutputGuard.Overwrite(output: "a.yaml", input: "a.yaml").problem, place: nil, chinese: "就是输入文件", english: "would destroy the input")
    }

    @Test func rendererErrors() {
        expectParts(RenderError.cairo("out of memory", path: "x.pdf").problem, place: WenshuCore.SourceLocation(file: "x.pdf"),
                    chinese: "Cairo 报告“out of memory”", english: "cairo reports ‘out of memory’")
        expectParts(RenderError.write(AtomicFile.WriteError(path: "x.pdf", errno: EACCES)).problem, place: WenshuCore.SourceLocation(file: "x.pdf"),
                    chinese: "没有写入权限", english: "cannot write")
        let ofd = OFDError.image(path: "seal.gif", reason: "GIF").problem
        expectParts(ofd, place: WenshuCore.SourceLocation(file: "seal.gif"), chinese: "无法读取图片", english: "cannot read the image")
        #expect(ofd.hint?.contains("PNG") == true)
        expectParts(DocxError(path: "seal.png", reason: "图片太大（the image is too large）").problem, place: WenshuCore.SourceLocation(file: "seal.png"),
                    chinese: "无法生成 Word 文档", english: "cannot make the Word document")
        let pdfa = PDFAError.syntax(file: "x.pdf", offset: 120, "xref").problem
        expectParts(pdfa, place: WenshuCore.SourceLocation(file: "x.pdf", place: "byte 120"), chinese: "无法读取该 PDF", english: "cannot read the PDF")
        #expect(pdfa.hint?.hasPrefix("请重新生成该文件") == true)
    }

    @Test func errorsThatGatherProblemsGiveThemAll() {
        let a = Problem(severity: .error, location: here, chinese: "品牌名称为空", english: "brand name is empty")
        let b = Problem(severity: .warning, location: here, chinese: "概况偏短", english: "the overview is short")
        let invalid = InvalidData(problems: [b, a])
        #expect(invalid.problems == [b, a] && invalid.problem == a)
        #expect(ScoringStandard.Invalid(problems: [a]).problems == [a])
    }
}
