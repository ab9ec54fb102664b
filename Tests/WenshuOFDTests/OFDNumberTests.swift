import Testing
import WenshuCore
@testable import WenshuOFD

@Suite struct OFDNumberTests {
    /// Numbers: millimetres to a micrometre, no trailing zeros, never "-0".
    @Test func numbers() {
        #expect(OFDNumber.format(10.4) == "10.4")
        #expect(OFDNumber.format(-0.0001) == "0")
        #expect(OFDNumber.format(2.8165) == "2.817" || OFDNumber.format(2.8165) == "2.816")
        #expect(OFDNumber.mm(.mm(210)) == "210")
        #expect(OFDNumber.format(-12.05) == "-12.05" && OFDNumber.format(0.007) == "0.007" && OFDNumber.format(3.1) == "3.1")
        #expect(OFDNumber.format(.infinity) == "0" && OFDNumber.format(1e300).hasPrefix("1"))
        #expect(OFDNumber.rgb(.officialRed) == "230 0 18")
        #expect(OFDNumber.alpha(.black) == nil)
    }
}
