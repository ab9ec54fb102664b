import WenshuCore

/// A paragraph's runs with their fonts chosen and glyphs shaped (`ParagraphTypesetter.shape`),
/// ready to be measured (`intrinsicWidths`) and set at any width (`typeset(_:width:)`) without
/// shaping again: an automatic table measures its cells, then sets them at the widths it chose.
public struct ShapedParagraph: Sendable {
    let runs: [InlineRun]
    let style: ParagraphStyle
    /// The first-line indent the atoms were collected with (an indent atom when above 0).
    let indent: Double
    let atoms: [Atom]
    /// Characters no font has, with their places.
    let missing: [MissingCharacter]
}
