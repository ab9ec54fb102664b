import Foundation
import Testing
@testable import WenshuData

@Suite struct XMLReaderTests {
    @Test func readsElementsAttributesAndText() throws {
        let xml = "<document page=\"gbt9704\">\n  <p style=\"正文\">现将方案印发你们。</p>\n</document>"
        let root = try XMLReader.parse(Data(xml.utf8), file: "t.xml")
        #expect(root.name == "document")
        #expect(root.attributes["page"] == "gbt9704")
        guard case .element(let p) = root.children.first(where: { if case .element = $0 { true } else { false } }) else {
            Issue.record("no element"); return
        }
        #expect(p.line == 2)
        #expect(p.children == [.text("现将方案印发你们。")])
    }

    @Test func malformedXMLNamesTheLine() {
        do {
            _ = try XMLReader.parse(Data("<a>\n<b>\n</a>".utf8), file: "bad.xml")
            Issue.record("no error")
        } catch let e as XMLError {
            #expect(e.location?.file == "bad.xml")
            #expect(e.location?.line == 3)
        } catch { Issue.record("\(error)") }
    }

    /// Billion laughs: entity definitions need a DOCTYPE, which templates may not have.
    @Test func billionLaughsIsAnErrorNotAHang() {
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
        for i in 1...9 { xml += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i == 1 ? "" : String(i - 1));", count: 10) + "\">" }
        xml += "]><lolz>&lol9;</lolz>"
        #expect(throws: XMLError.self) { _ = try XMLReader.parse(Data(xml.utf8), file: "lol.xml") }
    }

    @Test func externalEntitiesAreRefused() {
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>"
        #expect(throws: XMLError.self) { _ = try XMLReader.parse(Data(xml.utf8), file: "xxe.xml") }
    }
}
