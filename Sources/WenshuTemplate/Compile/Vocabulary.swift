import WenshuCore

/// The template language as data, in one place: every element, the type of each attribute it
/// takes, the attributes it needs, and what it may hold. The loader's checks, the compiler's
/// decoding and the realizer's reading all come from here, so they cannot drift apart; adding an
/// attribute is one line. docs/templates.md describes each element.
enum Vocabulary {
    typealias T = AttributeType
    static let mm = AttributeType.mm

    /// What an element may hold.
    enum Content: Sendable {
        /// Nothing but white space.
        case empty
        /// Text only (a parameter's value, a header's text).
        case text
        /// The parts of a template: param, page, style, body, info.
        case template
        /// A page master's header and footer.
        case page
        /// Blocks: p, h, table, image… and text as a paragraph.
        case blocks
        /// Text with b, span, br.
        case inline
        /// A table's rows.
        case rows
        /// A row's cells.
        case cells
        /// A cell's content: blocks or text (not a table, which a cell cannot hold yet), and one foot.
        case cell
        /// The content of the context it stands in (each, if, else).
        case inherited
    }

    /// An element's rule: its attributes by type, those it needs, and what it may hold.
    struct Rule: Sendable {
        var attributes: [String: AttributeType]
        var required: [String] = []
        var content: Content = .empty
    }

    /// Style attributes, on every element that sets a paragraph's look.
    static let style: [String: AttributeType] = [
        "style": .name, "font": .fontRole, "size": T.fontSize, "bold": .flag, "color": .color, "align": .alignment,
        "indent": .number(min: -100, max: 100, unit: "字"), "left-indent": .number(min: 0, max: 100, unit: "字"),
        "space-before": .number(min: 0, max: 100, unit: "行"), "space-after": .number(min: 0, max: 100, unit: "行"),
        "line-height": .length(min: 0, max: 500, above: true), "keep-with-next": .flag, "han-latin-space": .flag, "grid": .flag,
    ]

    static let pageNumbers = ["dashes", "gbt9704", "page-of-pages", "第1页共N页", "plain", "chinese", "第1页", "roman", "none"]
    static let presets = ["gbt9704", "gbt9704-free", "a4", "a4-landscape", "book"]
    static let furniture: [String: AttributeType] = ["even": .flag, "font": .fontRole, "size": T.fontSize, "align": .alignment,
                                                     "rule": T.stroke, "distance": T.distance]

    /// Every element of the template language: its rule. Exhaustive, so a new element needs one.
    static func rule(_ kind: ElementKind) -> Rule {
        switch kind {
        case .template: Rule(attributes: ["extends": .name, "compute": .name, "pages": .integer(min: 1, max: 10_000)], content: .template)
        case .fragment: Rule(attributes: [:], content: .blocks)
        case .info: Rule(attributes: ["title": .text, "author": .text, "subject": .text, "keywords": .text])
        case .param: Rule(attributes: ["name": .name, "value": .text, "default": .text, "overridable": .flag], required: ["name"], content: .text)
        case .page: Rule(attributes: [
            "name": .name, "preset": .choice(presets),
            "size": .lengths(counts: [2], min: 10 * mm, max: T.maxPage, words: ["A3", "A4", "A5", "a3", "a4", "a5"]),
            "orientation": .choice(["portrait", "landscape", "纵向", "横向"]),
            "margin": .lengths(counts: [1, 2, 4], min: 0, max: T.maxPage),
            "margin-top": .length(min: 0, max: T.maxPage), "margin-right": .length(min: 0, max: T.maxPage),
            "margin-bottom": .length(min: 0, max: T.maxPage), "margin-left": .length(min: 0, max: T.maxPage),
            "grid": .grid, "line-pitch": .length(min: 1, max: 1000),
            "page-numbers": .choice(pageNumbers), "number-font": .fontRole, "number-size": T.fontSize,
            "number-position": .choice(["outside", "center"]), "number-distance": T.distance,
            "mirror": .flag, "gutter": .length(min: 0, max: T.maxPage), "chapter-headers": .choice(["none", "show"]), "border": .borders,
            "border-stock": .flag,
        ], content: .page)
        case .header: Rule(attributes: furniture, content: .text)
        case .footer: Rule(attributes: furniture, content: .text)
        case .style: Rule(attributes: style.merging(["name": .name]) { a, _ in a }, required: ["name"])
        case .body: Rule(attributes: ["page": .name], content: .blocks)
        case .p: Rule(attributes: style.merging(["fit": .fit]) { a, _ in a }, content: .inline)
        case .h: Rule(attributes: style.merging(["level": .integer(min: 1, max: 4), "bookmark": .flag]) { a, _ in a }, content: .inline)
        case .text: Rule(attributes: style.merging(["value": .expression]) { a, _ in a }, required: ["value"])
        case .b: Rule(attributes: [:], content: .inline)
        case .span: Rule(attributes: ["style": .name, "font": .fontRole, "size": T.fontSize, "bold": .flag, "color": .color], content: .inline)
        case .br: Rule(attributes: [:])
        case .table: Rule(attributes: [
            "columns": .columns, "header-rows": .integer(min: 0, max: 1000), "border": T.stroke, "rule": T.stroke,
            "padding": .lengths(counts: [1, 2], min: 0, max: 100 * mm), "style": .name,
            "space-before": .number(min: 0, max: 100), "space-after": .number(min: 0, max: 100),
        ], content: .rows)
        case .row: Rule(attributes: ["min-height": .lengthOrLines(min: 0, max: T.maxPage, lines: 500), "keep": .flag, "header": .flag], content: .cells)
        case .cell: Rule(attributes: style.merging([
            "colspan": .integer(min: 1, max: T.maxColumns), "rowspan": .integer(min: 1, max: 10_000),
            "valign": .verticalAlignment, "fill": .color,
        ]) { a, _ in a }, content: .cell)
        case .foot: Rule(attributes: style, content: .inline)
        case .image: Rule(attributes: ["src": .text, "width": .length(min: 0, max: T.maxPage, above: true),
                                   "height": .length(min: 0, max: T.maxPage, above: true), "caption": .text, "align": .alignment],
                      required: ["src"])
        case .pageBreak: Rule(attributes: ["odd": .flag])
        case .space: Rule(attributes: ["lines": .number(min: 0, max: 1000), "height": .length(min: 0, max: T.maxPage), "fill": .flag])
        case .masthead: Rule(attributes: ["mark": .text, "number": .text, "color": .color, "size": T.fontSize, "rule": T.stroke,
                                      "top": T.distance, "copy-number": .text, "secrecy": .text, "secrecy-term": .text,
                                      "urgency": .text, "organs": .text, "signers": .text,
                                      "layout": .choice(["document", "letter", "order", "文件", "文件格式", "信函", "信函格式", "命令", "令"])],
                             required: ["mark"])
        case .imprint: Rule(attributes: ["copies": .text, "printer": .text, "printed": .text, "size": T.fontSize, "even": .flag],
                            required: ["printer", "printed"])
        case .rule: Rule(attributes: ["color": .color, "width": .length(min: 0, max: 50), "space-before": .length(min: 0, max: 1000 * mm),
                                  "space-after": .length(min: 0, max: 1000 * mm)])
        case .signature: Rule(attributes: ["issuer": .text, "date": .text, "seal": .expression, "style": .name, "font": .fontRole, "size": T.fontSize,
                                       "seal-stock": .flag, "others": .text, "other-seals": .text, "title": .text,
                                       "layout": .choice(["sealed", "unsealed", "signed", "盖章", "加盖印章", "不盖章", "不加盖印章", "签名章"])],
                          required: ["issuer", "date"])
        case .contents: Rule(attributes: ["title": .text, "levels": .integer(min: 1, max: 4), "style": .name, "font": .fontRole, "size": T.fontSize])
        case .section: Rule(attributes: ["page": .name, "restart-numbering": .flag, "odd": .flag], required: ["page"])
        case .each: Rule(attributes: ["in": .expression, "as": .name, "index": .name], required: ["in", "as"], content: .inherited)
        case .if: Rule(attributes: ["test": .expression], required: ["test"], content: .inherited)
        case .else: Rule(attributes: [:])
        case .include: Rule(attributes: ["src": .text], required: ["src"])
        case .stock: Rule(attributes: [:], content: .blocks)
        }
    }

    /// The elements each kind of content may hold (each, if and else pass their context on).
    static func allows(_ content: Content, _ child: ElementKind) -> Bool {
        switch content {
        case .empty, .text, .inherited: false
        case .template: [.param, .page, .style, .body, .info].contains(child)
        case .page: child == .header || child == .footer
        case .blocks: blockElements.contains(child) || child == .each || child == .if
        case .inline: [.b, .span, .br, .each, .if].contains(child)
        case .rows: [.row, .each, .if].contains(child)
        case .cells: [.cell, .each, .if].contains(child)
        case .cell: (blockElements.contains(child) && child != .table) || allows(.inline, child)
        }
    }

    static let blockElements: Set<ElementKind> = [.p, .h, .text, .table, .image, .pageBreak, .space, .masthead, .imprint, .rule,
                                                  .signature, .contents, .section, .include, .stock]

    /// What a context holds, for messages (Chinese, then English).
    static func expected(_ content: Content) -> String {
        switch content {
        case .empty, .inherited: "这里不能有内容（nothing)"
        case .text: "这里只能写文字（text only）"
        case .template: "param、page、style、body、info"
        case .page: "header、footer"
        case .blocks: "段落等块元素（a block: " + blockElements.map(\.rawValue).sorted().joined(separator: ", ") + ", each, if）"
        case .inline: "文字及 b、span、br、each、if（text with b, span, br, each or if）"
        case .rows: "row（或包着 row 的 each、if）（rows, or each/if around rows）"
        case .cells: "cell（或包着 cell 的 each、if）（cells, or each/if around cells）"
        case .cell: "格子里的文字或段落，不能再放表格（a cell's text or blocks; a table inside a cell is not supported yet）"
        }
    }
}
