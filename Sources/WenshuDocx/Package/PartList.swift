import Foundation

/// The parts of the package beyond the fixed ones: headers, footers and images, each with its
/// relationship from document.xml, a content-type entry, and its bytes. Identical header and
/// footer parts are written once.
final class PartList {
    struct Part {
        var name: String
        var relType: String
        var contentType: String?
        var data: Data
        var id: String
    }
    private(set) var parts: [Part] = []
    private var byContent: [String: String] = [:]
    /// rId1…rId4 are styles, settings, numbering-free fonts-free fixed parts.
    private var next = 10

    static let relBase = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

    /// A header or footer part holding `xml`; its relationship id.
    func furniture(_ xml: String, header: Bool) -> String {
        let key = (header ? "h:" : "f:") + xml
        if let id = byContent[key] { return id }
        let kind = header ? "header" : "footer"
        let count = parts.filter { $0.relType == kind }.count + 1
        let id = add(Part(name: "\(kind)\(count).xml", relType: kind,
                          contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.\(kind)+xml",
                          data: Data(xml.utf8), id: ""))
        byContent[key] = id
        return id
    }

    /// An image part (media/imageN.png|jpeg); its relationship id. The same file is stored once.
    func image(path: String, data: Data, jpeg: Bool) -> String {
        let key = "i:" + path
        if let id = byContent[key] { return id }
        let count = parts.filter { $0.relType == "image" }.count + 1
        let id = add(Part(name: "media/image\(count)." + (jpeg ? "jpeg" : "png"), relType: "image", contentType: nil, data: data, id: ""))
        byContent[key] = id
        return id
    }

    private func add(_ part: Part) -> String {
        var p = part
        p.id = "rId\(next)"
        next += 1
        parts.append(p)
        return p.id
    }
}
