/// The elements of the template language. `Vocabulary.rule(_:)` gives each one's attributes and
/// content, and the realizer switches over them, so a new element is a compile error until both
/// know it.
enum ElementKind: String, CaseIterable, Sendable {
    case template, fragment, info, param, page, header, footer, style, body
    case p, h, text, b, span, br, table, row, cell, foot, image
    case pageBreak = "page-break"
    case space, masthead, imprint, rule, signature, contents, section, each
    case `if`, `else`, include
    /// 套打: what the pre-printed stock carries.
    case stock
}
