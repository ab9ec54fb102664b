import Testing
import WenshuCore
@testable import WenshuOFD

@Suite struct OFDXMLTests {
    /// Escaping keeps the character count (DeltaX counts characters): a forbidden control
    /// character becomes U+FFFD, and quotes are escaped in attributes only.
    @Test func escapingKeepsCharacterCount() {
        #expect(OFDXML.escape("a<b&\u{01}\"") == "a&lt;b&amp;\u{FFFD}\"")
        #expect(OFDXML.escape("\"x\"", attribute: true) == "&quot;x&quot;")
    }
}
