import WenshuCore
import WenshuData

/// An element of a compiled template: its attributes decoded by their types (or parsed, when they
/// are filled in from {{ }}), its children compiled, each with its place. Made once per template
/// file by `TemplateCompiler`; the realizer walks it for every document.
struct TemplateNode: Sendable {
    var kind: ElementKind
    var line: Int
    /// Where the element starts (`<name`).
    var place: SourceLocation
    var attributes: [String: Attribute]
    var children: [Child]
    /// The text of an element that holds only text (a header, a footer), trimmed and parsed.
    var content: Interpolation?

    /// One attribute: as written, where, and its value in the form the compiler left it.
    struct Attribute: Sendable {
        var raw: String
        var place: SourceLocation
        var type: AttributeType
        var form: Form
    }

    enum Form: Sendable {
        /// Written as a value and decoded by the attribute's type.
        case decoded(AttributeValue)
        /// Holds {{ }}: filled in for each document, then decoded by the same type.
        case filled(Interpolation)
        /// One expression (`in=`, `test=`, `seal=`, `value=`).
        case expression(Expression, place: SourceLocation)
    }

    enum Child: Sendable {
        case element(TemplateNode)
        case text(TextNode)
    }

    /// A piece of text between elements. XML's white space collapses by where the text stands
    /// (first or last of the content it is part of), so its {{ }} are parsed for each case.
    struct TextNode: Sendable {
        var raw: String
        var line: Int
        /// The collapsed text's expressions by `key(first:last:)`; empty when the text holds no {{.
        var filled: [Int: Interpolation]

        static func key(first: Bool, last: Bool) -> Int { (first ? 1 : 0) + (last ? 2 : 0) }
        var isBlank: Bool { raw.allSatisfy(\.isWhitespace) }
    }

    /// The element's name as written.
    var name: String { kind.rawValue }

    /// The attribute's text as written (names: style=, as=, page=).
    subscript(_ key: String) -> String? { attributes[key]?.raw }

    /// The child elements.
    var elements: [TemplateNode] {
        children.compactMap { if case .element(let e) = $0 { e } else { nil } }
    }
}
