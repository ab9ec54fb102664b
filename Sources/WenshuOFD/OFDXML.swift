import Foundation

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
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\n" where attribute: out += "&#10;"
            case "\t", "\n", "\r": out.unicodeScalars.append(u)
            default:
                // A character XML 1.0 forbids becomes U+FFFD rather than nothing: a TextCode's
                // DeltaX counts its characters.
                let forbidden = u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF
                out.unicodeScalars.append(forbidden ? "\u{FFFD}" : u)
            }
        }
        return out
    }
}
