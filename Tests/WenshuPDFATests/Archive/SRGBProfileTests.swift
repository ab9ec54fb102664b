import Testing
@testable import WenshuPDFA

@Suite struct SRGBProfileTests {
    func be32(_ b: [UInt8], _ at: Int) -> Int { b[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }

    @Test func isAVersion2RGBDisplayProfileOfItsStatedSize() {
        let p = SRGBProfile.bytes
        #expect(be32(p, 0) == p.count)
        #expect(p[8] == 2)
        #expect(String(decoding: p[12..<20], as: UTF8.self) == "mntrRGB ")
        #expect(String(decoding: p[36..<40], as: UTF8.self) == "acsp")
    }

    @Test func everyTagLiesInsideTheProfileOnAFourByteBoundary() {
        let p = SRGBProfile.bytes
        let count = be32(p, 128)
        #expect(count == 9)
        var names: [String] = []
        for k in 0..<count {
            let entry = 132 + 12 * k
            names.append(String(decoding: p[entry..<(entry + 4)], as: UTF8.self))
            let offset = be32(p, entry + 4), size = be32(p, entry + 8)
            #expect(offset % 4 == 0 && offset + size <= p.count)
        }
        #expect(Set(names) == ["desc", "cprt", "wtpt", "rXYZ", "gXYZ", "bXYZ", "rTRC", "gTRC", "bTRC"])
    }

    @Test func toneCurveIsSRGBs() {
        let p = SRGBProfile.bytes
        let curve = be32(p, 132 + 12 * 6 + 4)
        #expect(String(decoding: p[curve..<(curve + 4)], as: UTF8.self) == "curv")
        func sample(_ k: Int) -> Int { Int(p[curve + 12 + 2 * k]) << 8 | Int(p[curve + 13 + 2 * k]) }
        #expect(sample(0) == 0 && sample(1023) == 65535)
        #expect(abs(sample(511) - 13998) <= 1)   // sRGB 511/1023 → 0.2136 linear
    }
}
