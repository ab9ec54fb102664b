import WenshuCore

/// The document's XMP packet (ISO 16684-1) as PDF/A-2 wants it: the PDF/A identification
/// (pdfaid:part 2, conformance B) and the Info dictionary's entries mirrored, each in the property
/// ISO 19005-2 §6.6.2.3 pairs it with (Title → dc:title, Author → dc:creator, Subject →
/// dc:description, Keywords → pdf:Keywords, Creator → xmp:CreatorTool, Producer → pdf:Producer,
/// CreationDate → xmp:CreateDate, ModDate → xmp:ModifyDate).
struct XMPMetadata: Equatable {
    var title: String?
    var author: String?
    var subject: String?
    var keywords: String?
    var creator: String?
    var producer: String?
    var created: PDFDate
    var modified: PDFDate

    /// The packet, UTF-8, without the `bytes` and `encoding` attributes PDF/A forbids.
    var packet: [UInt8] {
        var props: [String] = [
            "<pdfaid:part>2</pdfaid:part>",
            "<pdfaid:conformance>B</pdfaid:conformance>",
            "<dc:format>application/pdf</dc:format>",
        ]
        if let title { props.append("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">\(Self.escape(title))</rdf:li></rdf:Alt></dc:title>") }
        if let author { props.append("<dc:creator><rdf:Seq><rdf:li>\(Self.escape(author))</rdf:li></rdf:Seq></dc:creator>") }
        if let subject {
            props.append("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">\(Self.escape(subject))</rdf:li></rdf:Alt></dc:description>")
        }
        if let keywords { props.append("<pdf:Keywords>\(Self.escape(keywords))</pdf:Keywords>") }
        if let producer { props.append("<pdf:Producer>\(Self.escape(producer))</pdf:Producer>") }
        if let creator { props.append("<xmp:CreatorTool>\(Self.escape(creator))</xmp:CreatorTool>") }
        props.append("<xmp:CreateDate>\(created.xmp)</xmp:CreateDate>")
        props.append("<xmp:ModifyDate>\(modified.xmp)</xmp:ModifyDate>")
        props.append("<xmp:MetadataDate>\(modified.xmp)</xmp:MetadataDate>")
        let text = """
            <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
             <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
              <rdf:Description rdf:about=""
                xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
                xmlns:dc="http://purl.org/dc/elements/1.1/"
                xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
                xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            \(props.map { "   " + $0 }.joined(separator: "\n"))
              </rdf:Description>
             </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="r"?>
            """
        return Array(text.utf8)
    }

    /// `text` with XML's special characters escaped and control characters (not allowed in XML
    /// 1.0) dropped.
    static func escape(_ text: String) -> String { XMLEscape.escape(text) }
}
