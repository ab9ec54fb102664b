import WenshuCore
import WenshuData

/// The template language's vocabulary, as data: every element and the attributes it takes.
/// Templates are checked against it when read, so a misspelt element or attribute is an error
/// with its line before any data is touched. docs/templates.md describes each element.
enum TemplateSyntax {
    static let common: Set<String> = ["style", "font", "size", "bold", "color", "align", "indent", "space-before",
                                       "space-after", "line-height", "keep-with-next", "han-latin-space", "grid", "left-indent"]
    static let elements: [String: Set<String>] = [
        "template": ["extends", "xmlns", "compute", "pages"],
        "fragment": ["xmlns"],
        "info": ["title", "author", "subject", "keywords"],
        "param": ["name", "value", "default", "overridable"],
        "page": ["name", "preset", "size", "orientation", "margin", "margin-top", "margin-right", "margin-bottom", "margin-left",
                 "grid", "line-pitch", "page-numbers", "number-font", "number-size", "number-position", "number-distance",
                 "mirror", "gutter", "chapter-headers", "border"],
        "header": ["even", "font", "size", "align", "rule", "distance"],
        "footer": ["even", "font", "size", "align", "rule", "distance"],
        "style": common.union(["name"]),
        "body": ["page"],
        "p": common.union(["fit"]),
        "h": common.union(["level", "bookmark"]),
        "text": common.union(["value"]),
        "b": [],
        "span": ["style", "font", "size", "bold", "color"],
        "br": [],
        "table": ["columns", "header-rows", "border", "rule", "padding", "style", "space-before", "space-after"],
        "row": ["min-height", "keep", "header"],
        "cell": common.union(["colspan", "rowspan", "valign", "fill"]),
        "foot": common,
        "image": ["src", "width", "height", "caption", "align"],
        "page-break": ["odd"],
        "space": ["lines", "height", "fill"],
        "masthead": ["mark", "number", "color", "size", "rule", "top", "copy-number", "secrecy", "secrecy-term", "urgency",
                     "organs", "signers", "layout"],
        "imprint": ["copies", "printer", "printed", "size", "even"],
        "rule": ["color", "width", "space-before", "space-after"],
        "signature": ["issuer", "date", "seal", "style", "font", "size", "others", "other-seals", "layout", "title"],
        "contents": ["title", "levels", "style", "font", "size"],
        "section": ["page", "restart-numbering", "odd"],
        "each": ["in", "as", "index"],
        "if": ["test"],
        "else": [],
        "include": ["src"],
    ]

    /// Attributes an element must have.
    static let required: [String: [String]] = [
        "param": ["name"], "style": ["name"], "each": ["in", "as"], "if": ["test"], "include": ["src"],
        "image": ["src"], "text": ["value"], "signature": ["issuer", "date"], "section": ["page"],
        "masthead": ["mark"], "imprint": ["printer", "printed"],
    ]

    /// Checks `element` and everything under it.
    static func check(_ element: XMLElement, source: SourceFile) throws {
        guard let allowed = elements[element.name] else {
            let known = elements.keys.sorted().joined(separator: ", ")
            throw TemplateError("unknown element <\(element.name)> (expected one of: \(known))",
                                at: source.locate("<\(element.name)", from: element.line))
        }
        for key in element.attributes.keys where !allowed.contains(key) && !key.hasPrefix("xmlns") {
            let expected = allowed.isEmpty ? "no attributes" : allowed.sorted().joined(separator: ", ")
            throw TemplateError("<\(element.name)> has no attribute ‘\(key)’ (expected \(expected))",
                                at: source.locate("\(key)=", from: element.line))
        }
        for key in required[element.name] ?? [] where element.attributes[key] == nil {
            throw TemplateError("<\(element.name)> needs the attribute ‘\(key)’", at: source.locate("<\(element.name)", from: element.line))
        }
        try AttributeRules.check(element, source: source)
        for child in element.elements { try check(child, source: source) }
    }
}
