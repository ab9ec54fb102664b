import WenshuCore

/// Cuts a paragraph's runs into atoms (see `Atom`).
///
/// Each Han character and each full-width mark is an atom of its own, so a line may break between
/// any two of them unless a prohibition says otherwise; Latin letters and digits gather into words
/// that never split; a dash —— or an ellipsis …… gathers into one unbreakable two-em atom; spaces
/// ride on the atom before them; a newline forces a break. The first-line indent is an atom too.
enum Collect {
    static func atoms(_ runs: [InlineRun], indent: Double) -> [Atom] {
        var atoms: [Atom] = []
        if indent > 0 { atoms.append(Atom(kind: .indent, style: 0, text: "")) }
        for (styleIndex, run) in runs.enumerated() {
            for c in run.text {
                switch CharacterClass(c) {
                case .newline:
                    if !atoms.isEmpty { atoms[atoms.count - 1].forcedBreakAfter = true }
                case .space:
                    if let last = atoms.indices.last, atoms[last].kind != .indent, !atoms[last].forcedBreakAfter {
                        atoms[last].trailing.append(c)
                    }
                case .cjk:
                    atoms.append(Atom(kind: .cjk, style: styleIndex, text: String(c)))
                case .punctuation(let p):
                    if p == .inseparable, let last = atoms.indices.last, atoms[last].style == styleIndex,
                       atoms[last].trailing.isEmpty, atoms[last].kind == .punctuation(.inseparable),
                       atoms[last].text.last == c, atoms[last].text.count < 2 {
                        atoms[last].text.append(c)
                    } else {
                        atoms.append(Atom(kind: .punctuation(p), style: styleIndex, text: String(c)))
                    }
                case .latin:
                    if let last = atoms.indices.last, atoms[last].kind == .latin, atoms[last].style == styleIndex,
                       atoms[last].trailing.isEmpty, !atoms[last].forcedBreakAfter {
                        atoms[last].text.append(c)
                    } else {
                        atoms.append(Atom(kind: .latin, style: styleIndex, text: String(c)))
                    }
                }
            }
        }
        // Spaces at the paragraph's end are dropped.
        if let last = atoms.indices.last { atoms[last].trailing = "" }
        return atoms
    }
}
