import Foundation
import Testing
@testable import WenshuPDFA

@Suite struct MD5Tests {
    func hex(_ s: String) -> String { MD5.digest(Array(s.utf8)).map { String(format: "%02x", $0) }.joined() }

    @Test func matchesRFC1321Vectors() {
        #expect(hex("") == "d41d8cd98f00b204e9800998ecf8427e")
        #expect(hex("abc") == "900150983cd24fb0d6963f7d28e17f72")
        #expect(hex(String(repeating: "1234567890", count: 8)) == "57edf4a22be3c955ac49da2e2107b67a")
    }
}
