import Testing
@testable import WenshuPDFA

/// Damaged files: the pass either makes a PDF it can read back or throws its own error, never
/// traps (a trap would end the test run).
@Suite struct PDFAConverterFuzzTests {
    /// A fixed pseudo-random sequence (a linear congruential generator), so a failure repeats.
    struct Sequence {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    @Test func damagedFilesConvertOrThrowPDFAError() {
        var random = Sequence(state: 14)
        let source = MiniPDF.cairoLike
        var converted = 0, refused = 0
        for _ in 0..<400 {
            var bytes = source
            for _ in 0..<(1 + random.next(4)) {
                let at = random.next(bytes.count)
                switch random.next(3) {
                case 0: bytes[at] = UInt8(random.next(256))
                case 1: bytes.remove(at: at)
                default: bytes.insert(Array("()<>[]/%0123456789-".utf8)[random.next(19)], at: at)
                }
            }
            do {
                let out = try PDFAConverter(date: PDFDate(epoch: 0)).convert(bytes, file: "t.pdf")
                _ = try PDFFile(bytes: out, file: "out.pdf")
                converted += 1
            } catch is PDFAError {
                refused += 1
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
        #expect(converted > 0 && refused > 0, "\(converted) converted, \(refused) refused")
    }
}
