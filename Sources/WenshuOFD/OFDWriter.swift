import Foundation
import WenshuCore
import WenshuFonts
import ZIPFoundation

/// Writes frames as an OFD package (GB/T 33190-2016), the national fixed-layout format that
/// China's e-government, e-archive and e-licence systems take:
///
///     OFD.xml                      entry: DocInfo (metadata) and the DocRoot
///     Doc_0/Document.xml           CommonData (PageArea, resources), Pages, Outlines
///     Doc_0/PublicRes.xml          Fonts, each a subset font file under Res/
///     Doc_0/DocumentRes.xml        MultiMedias: the images, under Res/
///     Doc_0/Pages/Page_N/Content.xml
///     Doc_0/Res/font_7.ttf, image_9.png …
///
/// Units are millimetres. Text is placed character by character (TextCode X, Y, DeltaX) with the
/// shaped glyph ids (CGTransform), so that a reader draws exactly the glyphs the PDF draws, where
/// the PDF draws them.
public struct OFDWriter {
    public let fonts: FontBook
    /// The creation date written into DocInfo.
    public var date: Date
    /// Where the images are read from.
    public var world: any World = FileWorld()

    public init(fonts: FontBook, date: Date = Date()) {
        self.fonts = fonts
        self.date = date
    }

    /// Writes the package to `path`, whole or not at all.
    public func render(_ frames: [Frame], info: DocumentInfo, to path: String) throws {
        let data = try package(frames, info: info)
        do { try AtomicFile.write(data, to: path) } catch let e as AtomicFile.WriteError { throw OFDError.write(e) }
    }

    /// The package's files by path, in the order they are zipped (OFD.xml first).
    public func parts(_ frames: [Frame], info: DocumentInfo) throws -> [(path: String, data: Data)] {
        var ids = OFDIDs()
        let fonts = try OFDFonts(frames: frames, fonts: self.fonts, ids: &ids)
        let images = try OFDImages(frames: frames, ids: &ids, world: world)
        let pageIDs = frames.map { _ in ids.next() }
        let writer = OFDPageWriter(fonts: fonts, images: images)
        var pages: [(path: String, data: Data)] = []
        for (n, frame) in frames.enumerated() {
            pages.append(("Doc_0/Pages/Page_\(n)/Content.xml", writer.content(of: frame, ids: &ids).data))
        }
        let outline = OFDOutline(frames: frames, pageIDs: pageIDs)

        var publicRes = OFDXML()
        publicRes.start("Res", ["BaseLoc": "Res"])
        fonts.write(to: &publicRes)
        publicRes.end()
        var documentRes = OFDXML()
        documentRes.start("Res", ["BaseLoc": "Res"])
        images.write(to: &documentRes)
        documentRes.end()

        var document = OFDXML()
        document.start("Document")
        document.start("CommonData")
        document.element("MaxUnitID", text: String(ids.last))
        document.start("PageArea")
        let first = frames.first?.size ?? .a4
        document.element("PhysicalBox", text: OFDNumber.list([0, 0, first.width.millimetres, first.height.millimetres]))
        document.end()
        document.element("PublicRes", text: "PublicRes.xml")
        document.element("DocumentRes", text: "DocumentRes.xml")
        document.end()
        document.start("Pages")
        for (n, id) in pageIDs.enumerated() {
            document.element("Page", ["ID": String(id), "BaseLoc": "Pages/Page_\(n)/Content.xml"])
        }
        document.end()
        outline.write(to: &document)
        document.end()

        var parts: [(path: String, data: Data)] = [("OFD.xml", entry(info).data), ("Doc_0/Document.xml", document.data),
                                                   ("Doc_0/PublicRes.xml", publicRes.data), ("Doc_0/DocumentRes.xml", documentRes.data)]
        parts += pages
        parts += fonts.entries.map { ("Doc_0/Res/" + $0.file, $0.data) }
        parts += images.entries.map { ("Doc_0/Res/" + $0.file, $0.data) }
        return parts
    }

    /// The package as the bytes of a zip file.
    public func package(_ frames: [Frame], info: DocumentInfo) throws -> Data {
        let parts = try parts(frames, info: info)
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for (path, data) in parts {
                // Fonts and images are compressed already; the XML parts shrink well.
                let method: CompressionMethod = path.hasSuffix(".xml") ? .deflate : .none
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                                     compressionMethod: method) { position, size in
                    data.subdata(in: Int(position)..<(Int(position) + size))
                }
            }
            guard let bytes = archive.data else { throw OFDError.package("the archive has no data") }
            return bytes
        } catch let e as OFDError {
            throw e
        } catch {
            throw OFDError.package(String(describing: error))
        }
    }

    /// OFD.xml: the document's metadata and where its root is.
    private func entry(_ info: DocumentInfo) -> OFDXML {
        var xml = OFDXML()
        xml.start("OFD", ["Version": "1.0", "DocType": "OFD"])
        xml.start("DocBody")
        xml.start("DocInfo")
        xml.element("DocID", text: UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased())
        if let title = info.title { xml.element("Title", text: title) }
        if let author = info.author { xml.element("Author", text: author) }
        if let subject = info.subject { xml.element("Subject", text: subject) }
        xml.element("CreationDate", text: Self.day(date))
        let keywords = (info.keywords ?? "").split { ",，;；、".contains($0) }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if !keywords.isEmpty {
            xml.start("Keywords")
            for k in keywords { xml.element("Keyword", text: k) }
            xml.end()
        }
        xml.element("Creator", text: info.creator)
        xml.end()
        xml.element("DocRoot", text: "Doc_0/Document.xml")
        xml.end()
        xml.end()
        return xml
    }

    /// A date as xs:date (YYYY-MM-DD, UTC).
    static func day(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd"
        return f.string(from: date)
    }
}
