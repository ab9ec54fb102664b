import Testing
@testable import WenshuPDFA

@Suite struct XMPMetadataTests {
    @Test func escapesMarkupAndDropsControlCharacters() {
        #expect(XMPMetadata.escape("A & B <c> \"d\"\u{1}") == "A &amp; B &lt;c&gt; &quot;d&quot;")
    }

    @Test func packetHasNoBytesOrEncodingAttributeAndLeavesOutAbsentEntries() {
        let d = PDFDate(year: 2023, month: 1, day: 2)
        let x = XMPMetadata(title: nil, author: "局", subject: nil, keywords: nil, creator: "Wenshu", producer: nil, created: d, modified: d)
        let text = String(decoding: x.packet, as: UTF8.self)
        #expect(!text.contains("bytes=") && !text.contains("encoding="))
        #expect(!text.contains("dc:title") && text.contains("<rdf:Seq><rdf:li>局</rdf:li></rdf:Seq>"))
        #expect(text.hasSuffix("<?xpacket end=\"r\"?>"))
    }
}
