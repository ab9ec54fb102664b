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

    @Test func piecesGiveTheDigestOfTheWhole() {
        let message = (0..<1000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        for size in [1, 63, 64, 65, 333] {
            var md5 = MD5()
            for start in stride(from: 0, to: message.count, by: size) {
                md5.update(message[start..<min(start + size, message.count)])
            }
            #expect(md5.finish() == MD5.digest(message), "pieces of \(size)")
        }
    }
}
