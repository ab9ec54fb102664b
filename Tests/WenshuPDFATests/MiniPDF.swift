/// Small PDFs written by hand for the tests: the objects in order, a classic cross-reference table
/// with the true offsets, and the trailer.
enum MiniPDF {
    /// `objects` as (number, body between `obj` and `endobj`); `stale` adds table entries that
    /// point at the next object's offset without the object being written (what Cairo does).
    static func make(_ objects: [(Int, String)], trailer: String, stale: [Int] = [], version: String = "1.5") -> [UInt8] {
        var bytes = Array("%PDF-\(version)\n%".utf8) + [0xB5, 0xED, 0xAE, 0xFB, 0x0A]
        var offsets: [Int: Int] = [:]
        for (n, body) in objects {
            offsets[n] = bytes.count
            bytes += Array("\(n) 0 obj\n\(body)\nendobj\n".utf8)
        }
        for n in stale { offsets[n] = offsets[objects.last?.0 ?? 1] ?? 0 }
        let size = (offsets.keys.max() ?? 0) + 1
        let xref = bytes.count
        bytes += Array("xref\n0 \(size)\n".utf8)
        for n in 0..<size {
            if let o = offsets[n] {
                let s = String(o)
                bytes += Array((String(repeating: "0", count: 10 - s.count) + s + " 00000 n \n").utf8)
            } else {
                bytes += Array("0000000000 65535 f \n".utf8)
            }
        }
        bytes += Array("trailer\n<< /Size \(size) \(trailer) >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return bytes
    }

    /// A two-page document like Cairo's: a CIDFontType2 font, an image with /Interpolate true and
    /// a soft mask, a link annotation, a page group, metadata in Info.
    static let cairoLike: [UInt8] = make([
        (1, "<< /Type /Pages /Kids [ 2 0 R ] /Count 1 >>"),
        (2, """
            << /Type /Page % 1
               /Parent 1 0 R
               /MediaBox [ 0 0 595.275591 841.889764 ]
               /Contents 3 0 R
               /Group << /Type /Group /S /Transparency /I true /CS /DeviceRGB >>
               /Resources << /Font << /f-0-0 5 0 R >> /XObject << /x7 7 0 R >> >>
               /Annots [ 9 0 R ]
            >>
            """),
        (3, "<< /Length 4 0 R >>\nstream\nBT /f-0-0 12 Tf (ab) Tj ET\nendstream"),
        (4, "26"),
        (5, "<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Test /Encoding /Identity-H /DescendantFonts [ 6 0 R ] >>"),
        (6, "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Test /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /W [0 [ 1000 ]] >>"),
        (7, "<< /Length 3 /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceRGB /Interpolate true /BitsPerComponent 8 /SMask 8 0 R >>\nstream\n\u{1}\u{2}\u{3}\nendstream"),
        (8, "<< /Length 1 /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /Interpolate true /BitsPerComponent 8 >>\nstream\n\u{7F}\nendstream"),
        (9, "<< /Type /Annot /Subtype /Link /Rect [ 0 0 10 10 ] /Border [ 0 0 0 ] /A << /S /URI /URI (http://example.org) >> >>"),
        (10, "<< /Producer (cairo 1.16.0 \\(https://cairographics.org\\)) /Title <FEFF65874E66> /Creator (Wenshu) /CreationDate (D:20261128172258Z) >>"),
        (11, "<< /Type /Catalog /Pages 1 0 R >>"),
    ], trailer: "/Root 11 0 R /Info 10 0 R")
}
