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

    /// The child elements, in order (text between them left out).
    public var childElements: [XMLElement] {
        children.compactMap { if case .element(let e) = $0 { e } else { nil } }
    }
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
    /// The input passed one of libxml2's own limits (a text over 10 MB, nesting over 256 levels),
    /// rather than being malformed.
    public var isOverLimit = false

    public init(location: SourceLocation?, message: String, isOverLimit: Bool = false) {
        self.location = location; self.message = message; self.isOverLimit = isOverLimit
    }
}

/// Reads XML with libxml2, safely: no network, no external entities, no DTD loading, and entity
/// expansion left off, so a billion-laughs file is an error, not a hang. The libxml2 document is
/// converted to `XMLElement` values at once and freed.
public enum XMLReader {
    /// Parses `data`; `file` names the source in errors.
    public static func parse(_ data: Data, file: String) throws -> XMLElement {
        guard let length = Int32(exactly: data.count) else {
            throw XMLError(location: SourceLocation(file: file), message: explain("Huge input", code: nil).message, isOverLimit: true)
        }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        // The last error is kept per thread: clear it, or a failure that sets none reports an older one.
        xmlResetLastError()
        let doc: xmlDocPtr? = data.withUnsafeBytes { raw in
            raw.baseAddress.flatMap { base in
                xmlReadMemory(base.assumingMemoryBound(to: CChar.self), length, file, "UTF-8", options)
            }
        }
        guard let doc else {
            let err = xmlGetLastError()
            let raw = err.flatMap { $0.pointee.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } } ?? ""
            let line = err.map { Int($0.pointee.line) }
            let column = err.map { Int($0.pointee.int2) }
            let (message, overLimit) = explain(raw, code: err.map { Int($0.pointee.code) })
            throw XMLError(location: SourceLocation(file: file, line: line, column: column), message: message,
                           isOverLimit: overLimit)
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

    /// libxml2's message as a user reads it. Its limits and internal failures ("internal error:
    /// Huge input lookup", "Excessive depth in document") are put in words; a well-formedness
    /// message (a tag not closed, a bad character) is kept as the English gloss.
    static func explain(_ raw: String, code: Int?) -> (message: String, overLimit: Bool) {
        let lower = raw.lowercased()
        if lower.contains("huge") || lower.contains("excessive depth") || lower.contains("too long")
            || lower.contains("exceeded") || lower.contains("amplification") {
            return ("XML 文本过大或嵌套过深，超出读取限度（单段文本至多 10 MB，嵌套至多 256 层）"
                    + "（XML: a text, name or nesting is larger than the reader allows: at most 10 MB of text in one piece, 256 levels）", true)
        }
        if lower.contains("internal error") || lower.contains("memory") || raw.isEmpty || code == 1 {
            return ("XML 无法读取，请检查文件是否完整（XML: the file cannot be read; check that it is complete）", false)
        }
        return ("XML 格式不正确（XML: \(raw)）", false)
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
