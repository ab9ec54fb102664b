import Foundation
import WenshuCore

/// Builds one XML part of an OFD package: every element in the standard's namespace with the
/// `ofd:` prefix, attributes unqualified, text and attribute values escaped. Attributes whose
/// value is nil are left out, so optional attributes read as they are written.
struct OFDXML {
    /// The namespace of GB/T 33190-2016.
    static let namespace = "http://www.ofdspec.org/2016"

    private(set) var text: String
    private var open: [String] = []
    /// A fragment (elements to be appended inside another part) has no prolog and declares no namespace.
    private let isFragment: Bool

    init(fragment: Bool = false) {
        isFragment = fragment
        text = fragment ? "" : "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    }

    /// Whether nothing has been written (a fragment only).
    var isEmpty: Bool { isFragment && text.isEmpty }

    /// Appends a fragment's elements inside the open element.
    mutating func append(_ fragment: OFDXML) { text += fragment.text }

    /// Opens `name` (the root also declares the namespace).
    mutating func start(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:]) {
        text += "<ofd:" + name
        if open.isEmpty && !isFragment { text += " xmlns:ofd=\"\(Self.namespace)\"" }
        write(attributes)
        text += ">"
        open.append(name)
    }

    /// Closes the innermost open element.
    mutating func end() {
        guard let name = open.popLast() else { return }
        text += "</ofd:\(name)>"
        if open.isEmpty && !isFragment { text += "\n" }
    }

    /// An element with attributes and optional text content, closed at once.
    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], text content: String? = nil) {
        text += "<ofd:" + name
        write(attributes)
        if let content {
            text += ">" + Self.escape(content) + "</ofd:\(name)>"
        } else {
            text += "/>"
        }
    }

    /// The part as UTF-8 bytes.
    var data: Data { Data(text.utf8) }

    private mutating func write(_ attributes: KeyValuePairs<String, String?>) {
        for (key, value) in attributes {
            guard let value else { continue }
            text += " \(key)=\"\(Self.escape(value, attribute: true))\""
        }
    }

    /// `s` with the characters XML reserves escaped, and those XML 1.0 forbids replaced.
    static func escape(_ s: String, attribute: Bool = false) -> String {
        // A forbidden character becomes U+FFFD rather than nothing: a TextCode's DeltaX counts characters.
        XMLEscape.escape(s, quotes: attribute, newlines: attribute, forbidden: .replace)
    }
}
