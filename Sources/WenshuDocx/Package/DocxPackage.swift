import Foundation
import WenshuCore
import ZIPFoundation

/// The zip container of a .docx (ECMA-376 Part 2, Open Packaging Conventions): the content types,
/// the package and document relationships, core properties, and the parts in a fixed order.
struct DocxPackage {
    var document: String
    var styles: String
    var settings: String
    var parts: PartList
    var info: DocumentInfo

    static let documentType = "application/vnd.openxmlformats-officedocument.wordprocessingml"

    var contentTypes: String {
        var x = OOXML.header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        x += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        x += #"<Default Extension="xml" ContentType="application/xml"/>"#
        x += #"<Default Extension="png" ContentType="image/png"/><Default Extension="jpeg" ContentType="image/jpeg"/>"#
        x += #"<Override PartName="/word/document.xml" ContentType="\#(Self.documentType).document.main+xml"/>"#
        x += #"<Override PartName="/word/styles.xml" ContentType="\#(Self.documentType).styles+xml"/>"#
        x += #"<Override PartName="/word/settings.xml" ContentType="\#(Self.documentType).settings+xml"/>"#
        x += #"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#
        x += #"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#
        for p in parts.parts { if let t = p.contentType { x += #"<Override PartName="/word/\#(p.name)" ContentType="\#(t)"/>"# } }
        return x + "</Types>"
    }

    var packageRels: String {
        OOXML.header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + #"<Relationship Id="rId1" Type="\#(PartList.relBase)officeDocument" Target="word/document.xml"/>"#
            + #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#
            + #"<Relationship Id="rId3" Type="\#(PartList.relBase)extended-properties" Target="docProps/app.xml"/>"#
            + "</Relationships>"
    }

    var documentRels: String {
        var x = OOXML.header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        x += #"<Relationship Id="rId1" Type="\#(PartList.relBase)styles" Target="styles.xml"/>"#
        x += #"<Relationship Id="rId2" Type="\#(PartList.relBase)settings" Target="settings.xml"/>"#
        for p in parts.parts { x += #"<Relationship Id="\#(p.id)" Type="\#(PartList.relBase)\#(p.relType)" Target="\#(p.name)"/>"# }
        return x + "</Relationships>"
    }

    var core: String {
        func field(_ tag: String, _ v: String?) -> String { v.map { "<\(tag)>\(OOXML.escape($0))</\(tag)>" } ?? "" }
        return OOXML.header + #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">"#
            + field("dc:title", info.title) + field("dc:subject", info.subject) + field("dc:creator", info.author)
            + field("cp:keywords", info.keywords) + "</cp:coreProperties>"
    }

    var app: String {
        OOXML.header + #"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>\#(OOXML.escape(info.creator))</Application></Properties>"#
    }

    /// The package's bytes.
    func data() throws -> Data {
        let archive: Archive
        do { archive = try Archive(data: Data(), accessMode: .create) } catch {
            throw DocxError(path: nil, reason: "无法建立压缩包（cannot create the zip archive）: \(error)")
        }
        var entries: [(String, Data)] = [
            ("[Content_Types].xml", Data(contentTypes.utf8)), ("_rels/.rels", Data(packageRels.utf8)),
            ("docProps/core.xml", Data(core.utf8)), ("docProps/app.xml", Data(app.utf8)),
            ("word/document.xml", Data(document.utf8)), ("word/_rels/document.xml.rels", Data(documentRels.utf8)),
            ("word/styles.xml", Data(styles.utf8)), ("word/settings.xml", Data(settings.utf8)),
        ]
        for p in parts.parts { entries.append(("word/" + p.name, p.data)) }
        let stamp = Date(timeIntervalSince1970: 1_600_000_000)
        for (name, bytes) in entries {
            do {
                try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: stamp,
                                     compressionMethod: name.hasPrefix("word/media/") ? .none : .deflate) { position, size in
                    let start = Int(position)
                    return bytes.subdata(in: start..<min(start + size, bytes.count))
                }
            } catch {
                throw DocxError(path: nil, reason: "无法写入 \(name)（cannot add \(name) to the zip archive）: \(error)")
            }
        }
        guard let data = archive.data else { throw DocxError(path: nil, reason: "压缩包为空（the zip archive is empty）") }
        return data
    }
}
