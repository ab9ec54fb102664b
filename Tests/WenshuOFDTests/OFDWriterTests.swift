import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import WenshuCore
import WenshuFonts
import WenshuLayout
import WenshuText
@testable import WenshuOFD

/// The schemas the parts are validated against: our own, written from GB/T 33190-2016.
let schemaFolder = Bundle.module.resourceURL!.appendingPathComponent("Schemas").path

/// The exit status and standard error of `xmllint --schema` over `data`.
func xmllint(_ data: Data, schema: String) throws -> (status: Int32, errors: String) {
    let file = NSTemporaryDirectory() + "wenshu-ofd-\(UUID().uuidString).xml"
    try data.write(to: URL(fileURLWithPath: file))
    defer { try? FileManager.default.removeItem(atPath: file) }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["xmllint", "--noout", "--schema", schemaFolder + "/" + schema, file]
    let err = Pipe()
    p.standardError = err
    p.standardOutput = Pipe()
    try p.run()
    let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    return (p.terminationStatus, text)
}

/// The elements named `name` (in the OFD namespace) anywhere under `root`.
func elements(_ name: String, in data: Data) throws -> [XMLElement] {
    let doc = try XMLDocument(data: data)
    return try doc.nodes(forXPath: "//*[local-name()='\(name)']").compactMap { $0 as? XMLElement }
}

func numbers(_ s: String?) -> [Double] { (s ?? "").split(separator: " ").compactMap { Double($0) } }

@Suite struct OFDWriterTests {
    static let fonts = try! FontBook()
    static let source = "现将《中共青石桥实验小学党支部关于开展“一校一品”党建品牌创建工作的实施方案》印发你们，请认真贯彻执行——扎实做好品牌项目建设工作……联系人：陈明远（0000-0000000）。Wenshu 2023。"

    static func frames(bold: Bool = false) throws -> [Frame] {
        let blocks: [Block] = [
            .paragraph(ParagraphBlock(runs: [InlineRun(source, style: TextStyle(role: .fangsong, size: .pt(16), bold: bold))])),
        ]
        return try FlowLayout(master: .officialDocument(grid: true), typesetter: ParagraphTypesetter(fonts: fonts)).layout(blocks)
    }

    static func parts(_ frames: [Frame], info: DocumentInfo = DocumentInfo(title: "实施方案")) throws -> [String: Data] {
        Dictionary(uniqueKeysWithValues: try OFDWriter(fonts: fonts).parts(frames, info: info).map { ($0.path, $0.data) })
    }

    /// Every XML part validates against its schema; the parts the standard requires are there.
    @Test func partsValidate() throws {
        var frames = try Self.frames()
        frames[0].place(.line(to: Point(x: .mm(184), y: .mm(80)), stroke: Stroke(width: .mm(0.35), color: .officialRed)), at: Point(x: .mm(28), y: .mm(80)))
        frames[0].place(.rectangle(Size(width: .mm(20), height: .mm(10)), fill: .white, stroke: Stroke(width: .pt(0.5))), at: Point(x: .mm(30), y: .mm(200)))
        frames[0].place(.bookmark(title: "一、总体目标", level: 1), at: Point(x: .mm(28), y: .mm(37)))
        let parts = try Self.parts(frames, info: DocumentInfo(title: "通知", author: "教育局", subject: "一校一品", keywords: "党建，品牌"))
        for name in ["OFD.xml", "Doc_0/Document.xml", "Doc_0/PublicRes.xml", "Doc_0/DocumentRes.xml", "Doc_0/Pages/Page_0/Content.xml"] {
            #expect(parts[name] != nil, "missing \(name)")
        }
        for (name, data) in parts where name.hasSuffix(".xml") {
            let schema = name == "OFD.xml" ? "OFD.xsd" : name.hasSuffix("Document.xml") ? "Document.xsd"
                : name.hasSuffix("Res.xml") ? "Res.xsd" : "Page.xsd"
            let r = try xmllint(data, schema: schema)
            #expect(r.status == 0, "\(name): \(r.errors)")
        }
        let keywords = try elements("Keyword", in: try #require(parts["OFD.xml"])).map { $0.stringValue ?? "" }
        #expect(keywords == ["党建", "品牌"])
    }

    /// A schema refuses what the standard refuses: a TextObject without its Font, a box of three numbers.
    @Test func schemaRefusesBrokenParts() throws {
        let ns = "xmlns:ofd=\"http://www.ofdspec.org/2016\""
        let noFont = "<ofd:Page \(ns)><ofd:Content><ofd:Layer ID=\"1\"><ofd:TextObject ID=\"2\" Boundary=\"0 0 10 10\" Size=\"5\"><ofd:TextCode X=\"0\" Y=\"5\">文</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>"
        #expect(try xmllint(Data(noFont.utf8), schema: "Page.xsd").status != 0)
        let badBox = "<ofd:Document \(ns)><ofd:CommonData><ofd:MaxUnitID>1</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages><ofd:Page ID=\"1\" BaseLoc=\"p.xml\"/></ofd:Pages></ofd:Document>"
        #expect(try xmllint(Data(badBox.utf8), schema: "Document.xsd").status != 0)
    }

    /// The body's text reads back as the source, and each character stands where the frame put
    /// its glyph (Boundary + X + the DeltaX steps), to a micrometre.
    @Test func textAndPositionsReadBack() throws {
        let frames = try Self.frames()
        let content = try #require(try Self.parts(frames)["Doc_0/Pages/Page_0/Content.xml"])
        let body = try #require(try elements("Layer", in: content).first { $0.attribute(forName: "Type")?.stringValue == "Body" })
        var text = ""
        var placed: [(x: Double, y: Double)] = []
        for object in body.elements(forName: "ofd:TextObject") {
            let box = numbers(object.attribute(forName: "Boundary")?.stringValue)
            let code = try #require(object.elements(forName: "ofd:TextCode").first)
            var x = box[0] + (Double(code.attribute(forName: "X")?.stringValue ?? "") ?? .nan)
            let y = box[1] + (Double(code.attribute(forName: "Y")?.stringValue ?? "") ?? .nan)
            let steps = numbers(code.attribute(forName: "DeltaX")?.stringValue)
            for (i, _) in (code.stringValue ?? "").unicodeScalars.enumerated() {
                placed.append((x, y))
                if i < steps.count { x += steps[i] }
            }
            text += code.stringValue ?? ""
        }
        #expect(text == Self.source)
        var expected: [(x: Double, y: Double)] = []
        for element in frames[0].items {
            guard case .glyphs(let run) = element.item, !run.isArtifact else { continue }
            for segment in OFDTextSegment.segments(of: run) {
                expected += segment.positions.map { ((element.position.x + $0.x).millimetres, (element.position.y + $0.y).millimetres) }
            }
        }
        #expect(placed.count == expected.count)
        for (a, b) in zip(placed, expected) {
            #expect(abs(a.x - b.x) < 0.002 && abs(a.y - b.y) < 0.002, "\(a) vs \(b)")
        }
    }

    /// The fonts are cut and renumbered: small files, and every glyph id CGTransform names exists
    /// in its font (below maxp's numGlyphs).
    @Test func fontsAreCutAndGlyphIdsValid() throws {
        let parts = try Self.parts(try Self.frames())
        let fontFiles = try elements("Font", in: try #require(parts["Doc_0/PublicRes.xml"]))
        #expect(!fontFiles.isEmpty)
        var glyphCount: [String: Int] = [:]
        for font in fontFiles {
            let id = font.attribute(forName: "ID")?.stringValue ?? ""
            let file = try #require(font.elements(forName: "ofd:FontFile").first?.stringValue)
            let data = try #require(parts["Doc_0/Res/" + file])
            #expect(data.count < 200_000, "\(file): \(data.count) bytes")
            glyphCount[id] = try #require(Self.numGlyphs(data))
        }
        let content = try #require(parts["Doc_0/Pages/Page_0/Content.xml"])
        for object in try elements("TextObject", in: content) {
            let font = object.attribute(forName: "Font")?.stringValue ?? ""
            let limit = try #require(glyphCount[font])
            for transform in object.elements(forName: "ofd:CGTransform") {
                let ids = numbers(transform.elements(forName: "ofd:Glyphs").first?.stringValue)
                #expect(ids.count == Int(transform.attribute(forName: "GlyphCount")?.stringValue ?? ""))
                #expect(ids.allSatisfy { $0 >= 1 && Int($0) < limit }, "\(ids) in a font of \(limit) glyphs")
            }
        }
    }

    /// maxp's numGlyphs of an sfnt font.
    static func numGlyphs(_ data: Data) -> Int? {
        let b = [UInt8](data)
        guard b.count >= 12 else { return nil }
        func u16(_ o: Int) -> Int { Int(b[o]) << 8 | Int(b[o + 1]) }
        for t in 0..<u16(4) {
            let r = 12 + 16 * t
            guard r + 16 <= b.count else { return nil }
            if Array(b[r..<(r + 4)]) == Array("maxp".utf8) {
                let offset = u16(r + 8) << 16 | u16(r + 10)
                return offset + 6 <= b.count ? u16(offset + 4) : nil
            }
        }
        return nil
    }

    /// Synthetic bold is stroked as the PDF draws it; rules are paths in their colour.
    @Test func boldAndRules() throws {
        var frames = try Self.frames(bold: true)
        frames[0].place(.line(to: Point(x: .mm(184), y: .mm(80)), stroke: Stroke(width: .mm(0.35), color: .officialRed)), at: Point(x: .mm(28), y: .mm(80)))
        let content = try #require(try Self.parts(frames)["Doc_0/Pages/Page_0/Content.xml"])
        let text = try #require(try elements("TextObject", in: content).first)
        #expect(text.attribute(forName: "Stroke")?.stringValue == "true")
        let path = try #require(try elements("PathObject", in: content).first)
        let box = numbers(path.attribute(forName: "Boundary")?.stringValue)
        let d = numbers(path.elements(forName: "ofd:AbbreviatedData").first?.stringValue?.replacingOccurrences(of: "M", with: "").replacingOccurrences(of: "L", with: ""))
        #expect(abs(box[0] + d[0] - 28) < 0.001 && abs(box[1] + d[1] - 80) < 0.001 && abs(box[0] + d[2] - 184) < 0.001)
        #expect(path.elements(forName: "ofd:StrokeColor").first?.attribute(forName: "Value")?.stringValue == "230 0 18")
    }

    /// Condensed type (an issuer mark narrowed to the type area) keeps its page positions and
    /// narrows its glyphs with CT_Text's HScale.
    @Test func condensedRunsCarryHScale() throws {
        let frames = try FlowLayout(master: .officialDocument(), typesetter: ParagraphTypesetter(fonts: Self.fonts))
            .layout([.masthead(MastheadBlock(mark: "中共清河市东湖区教育局党组清河市东湖区教育局联合文件", number: nil))])
        let content = try #require(try Self.parts(frames)["Doc_0/Pages/Page_0/Content.xml"])
        let scales = try elements("TextObject", in: content).compactMap { $0.attribute(forName: "HScale")?.stringValue }.compactMap(Double.init)
        #expect(!scales.isEmpty && scales.allSatisfy { $0 < 0.7 && $0 > 0.3 }, "\(scales)")
    }

    /// Bookmarks nest by level in the outline and lead to their page.
    @Test func outlinesNest() throws {
        var frames = try Self.frames()
        frames[0].place(.bookmark(title: "一、总体目标", level: 1), at: Point(x: .mm(28), y: .mm(37)))
        frames[0].place(.bookmark(title: "（一）具体目标", level: 2), at: Point(x: .mm(28), y: .mm(60)))
        frames[0].place(.bookmark(title: "二、创建要求", level: 1), at: Point(x: .mm(28), y: .mm(90)))
        let document = try #require(try Self.parts(frames)["Doc_0/Document.xml"])
        let outlines = try #require(try elements("Outlines", in: document).first)
        let top = outlines.elements(forName: "ofd:OutlineElem")
        #expect(top.map { $0.attribute(forName: "Title")?.stringValue } == ["一、总体目标", "二、创建要求"])
        #expect(top[0].elements(forName: "ofd:OutlineElem").map { $0.attribute(forName: "Title")?.stringValue } == ["（一）具体目标"])
        let pageID = try elements("Page", in: document).first?.attribute(forName: "ID")?.stringValue
        let dest = try elements("Dest", in: document).first
        #expect(dest?.attribute(forName: "PageID")?.stringValue == pageID)
        #expect(dest?.attribute(forName: "Top")?.stringValue == "37")
    }

    /// The package is a zip whose first entry is OFD.xml; a missing image leaves no file behind.
    @Test func writesWholeOrNothing() throws {
        let dir = NSTemporaryDirectory() + "wenshu-ofd-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var frames = try Self.frames()
        try OFDWriter(fonts: Self.fonts).render(frames, info: DocumentInfo(), to: dir + "/a.ofd")
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir + "/a.ofd")))
        #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        #expect(bytes.count > 37 && String(decoding: bytes[30..<37], as: UTF8.self) == "OFD.xml")
        frames[0].place(.image(ImageItem(path: dir + "/missing.png"), size: Size(width: .mm(10), height: .mm(10))), at: .zero)
        #expect(throws: OFDError.self) { try OFDWriter(fonts: Self.fonts).render(frames, info: DocumentInfo(), to: dir + "/b.ofd") }
        #expect(!FileManager.default.fileExists(atPath: dir + "/b.ofd"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["a.ofd"])
    }
}
