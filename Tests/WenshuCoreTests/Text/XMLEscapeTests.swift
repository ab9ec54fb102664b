import Testing
import WenshuCore

@Suite struct XMLEscapeTests {
    @Test func reservedCharactersAreEscaped() {
        #expect(XMLEscape.escape("a<b&c>\"d\"") == "a&lt;b&amp;c&gt;&quot;d&quot;")
        #expect(XMLEscape.escape("\"", quotes: false) == "\"")
        #expect(XMLEscape.escape("甲\n乙", newlines: true) == "甲&#10;乙")
    }

    @Test func forbiddenCharactersAreDroppedOrReplaced() {
        let text = "甲\u{1}乙\u{FFFE}\t"
        #expect(XMLEscape.escape(text) == "甲乙\t")
        #expect(XMLEscape.escape(text, forbidden: .replace) == "甲\u{FFFD}乙\u{FFFD}\t")
    }
}
