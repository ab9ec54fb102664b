internal import CLibXML2
import Foundation
import WenshuCore

/// An element of an XML template as a Swift value: name, attributes, children, and the line it
/// stands on (for error messages).
public struct XMLElement: Hashable, Sendable {
    public var name: String
    public var attributes: [String: String]
    public var children: [XMLNode]
    public var line: Int
}

/// A node of an XML template.
public enum XMLNode: Hashable, Sendable {
    case element(XMLElement)
    case text(String)
}

/// Errors reading XML.
public struct XMLError: WenshuError {
    public var location: SourceLocation?
    public var message: String
}

/// Reads XML with libxml2, safely: no network, no external entities, no DTD loading, and entity
/// expansion left off, so a billion-laughs file is an error, not a hang. The libxml2 document is
/// converted to `XMLElement` values at once and freed.
public enum XMLReader {
    /// Parses `data`; `file` names the source in errors.
    public static func parse(_ data: Data, file: String) throws -> XMLElement {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        // The last error is kept per thread: clear it, or a failure that sets none reports an older one.
        xmlResetLastError()
        let doc: xmlDocPtr? = data.withUnsafeBytes { raw in
            raw.baseAddress.flatMap { base in
                xmlReadMemory(base.assumingMemoryBound(to: CChar.self), Int32(raw.count), file, "UTF-8", options)
            }
        }
        guard let doc else {
            let err = xmlGetLastError()
            let message = err.flatMap { $0.pointee.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } } ?? "not well-formed XML"
            let line = err.map { Int($0.pointee.line) }
            let column = err.map { Int($0.pointee.int2) }
            throw XMLError(location: SourceLocation(file: file, line: line, column: column), message: "XML: \(message)")
        }
        defer { xmlFreeDoc(doc) }
        if doc.pointee.intSubset != nil || doc.pointee.extSubset != nil {
            throw XMLError(location: SourceLocation(file: file, line: 1), message: "XML: a DOCTYPE is not allowed in templates")
        }
        guard let root = xmlDocGetRootElement(doc) else {
            throw XMLError(location: SourceLocation(file: file, line: 1), message: "XML: the document has no root element")
        }
        return convert(root)
    }

    private static func convert(_ node: xmlNodePtr) -> XMLElement {
        let name = String(cString: node.pointee.name)
        var attributes: [String: String] = [:]
        var attr = node.pointee.properties
        while let a = attr {
            let key = String(cString: a.pointee.name)
            if let value = xmlNodeGetContent(UnsafeMutableRawPointer(a).assumingMemoryBound(to: xmlNode.self)) {
                attributes[key] = String(cString: value)
                wenshu_xml_free(value)
            }
            attr = a.pointee.next
        }
        var children: [XMLNode] = []
        var child = node.pointee.children
        while let c = child {
            switch c.pointee.type {
            case XML_ELEMENT_NODE: children.append(.element(convert(c)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = c.pointee.content { children.append(.text(String(cString: content))) }
            default: break
            }
            child = c.pointee.next
        }
        return XMLElement(name: name, attributes: attributes, children: children, line: Int(xmlGetLineNo(node)))
    }
}
