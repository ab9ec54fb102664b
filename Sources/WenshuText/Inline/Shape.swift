import WenshuCore
import WenshuFonts

/// Itemizes the atoms' characters by font and script and shapes each item with HarfBuzz, then
/// hands every glyph back to the atom its character belongs to.
///
/// Itemization (after libraqm): every character is given the first face of its style's fallback
/// chain that has a glyph for it (so a name with a CJK Extension B character such as 𠈌 takes that
/// one character from a face that has it); consecutive characters of one face, style and script form
/// an item. An item is shaped as a whole so kerning and contextual forms work across atoms.
struct Shaper {
    let book: FontBook
    let styles: [TextStyle]
    let chains: [FontChain]
    /// Where each style's run came from (by the atoms' style index), for the missing characters.
    let places: [SourceLocation?]
    /// Characters no installed face has; they are drawn as the primary face's .notdef and reported.
    var missing: [MissingCharacter] = []

    init(book: FontBook, styles: [TextStyle], places: [SourceLocation?] = []) throws {
        self.book = book
        self.styles = styles
        self.places = places
        self.chains = try styles.map { try book.chain(for: $0.role, bold: $0.bold) }
    }

    private struct Slot {
        var atom: Int
        var character: Character
        var trailing: Bool
        var script: ShapingScript
    }

    mutating func shape(_ atoms: inout [Atom], grid: GridSpec?) {
        // 1. Every character with its atom, font and script.
        var slots: [Slot] = []
        for (i, atom) in atoms.enumerated() {
            for c in atom.text { slots.append(Slot(atom: i, character: c, trailing: false, script: scriptOf(c))) }
            for c in atom.trailing { slots.append(Slot(atom: i, character: c, trailing: true, script: .common)) }
            atoms[i].em = styles[atom.style].size.points
        }
        var fonts: [Font] = []
        fonts.reserveCapacity(slots.count)
        for slot in slots {
            let chain = chains[atoms[slot.atom].style]
            let scalar = slot.character.unicodeScalars.first!
            if let f = book.font(for: scalar, in: chain) {
                fonts.append(f)
            } else if slot.trailing, let f = chain.fonts.first {
                fonts.append(f)
            } else {
                let style = atoms[slot.atom].style
                let m = MissingCharacter(slot.character, place: style < places.count ? places[style] : nil)
                if !missing.contains(m) { missing.append(m) }
                fonts.append(chain.primary)
            }
        }
        // 2. Items: runs of one font, style and script.
        var start = 0
        while start < slots.count {
            let style = atoms[slots[start].atom].style
            let script = slots[start].script
            var end = start + 1
            while end < slots.count, fonts[end] === fonts[start], atoms[slots[end].atom].style == style {
                let s = slots[end].script
                if s != script && s != .common { break }
                end += 1
            }
            shapeItem(slots[start..<end], font: fonts[start], style: style, script: script, atoms: &atoms)
            start = end
        }
        // 3. Blank halves and grid widths.
        for i in atoms.indices {
            let em = atoms[i].em
            if case .punctuation(let p) = atoms[i].kind {
                // On a grid a mark keeps its whole cell (no edge trims); what it could give up is
                // known all the same, for a line holding numbers or Latin that must compress.
                if grid == nil {
                    atoms[i].blankLeft = p.blanks.left * em
                    atoms[i].blankRight = p.blanks.right * em
                }
                atoms[i].blankLeftInside = p.blanks.left * em
                atoms[i].blankRightInside = p.blanks.right * em
            }
            if atoms[i].kind == .indent {
                atoms[i].width = 0  // set by the caller from the indent in 字
            }
            if grid == nil, case .cjk = atoms[i].kind {
                // Ideographs stand on the em square: an advance other than one em (cwTeX's Han
                // glyphs advance 0.92 em) is evened out, the glyph centred in its square.
                centre(&atoms[i], cell: em)
            } else if grid == nil, case .punctuation(let p) = atoms[i].kind, p == .middleDot {
                centre(&atoms[i], cell: em / 2)
            } else if grid == nil, case .punctuation(let p) = atoms[i].kind, p != .inseparable {
                centre(&atoms[i], cell: em, keepSide: p.blanks.left > 0 ? .right : .left)
            }
            if let grid {
                let pitch = grid.pitch.points
                switch atoms[i].kind {
                case .cjk, .punctuation:
                    // One cell a character (two for ——/……); glyphs centred on their cells' start.
                    let cells = max(1, atoms[i].text.count)
                    atoms[i].width = Double(cells) * pitch
                    respace(&atoms[i], pitch: pitch)
                case .latin:
                    // Latin words and numbers take whole half-cells so the Han after them stays on the
                    // grid; they are tracked like the Han (−0.2 pt a character at 三号 in 156 mm) and
                    // centred in their half-cells.
                    let half = pitch / 2
                    let count = Double(atoms[i].text.count)
                    let tracking = min(0, pitch - em)
                    let tracked = atoms[i].width + tracking * count
                    let target = max(1, (tracked / half - 0.01).rounded(.up)) * half
                    fit(&atoms[i], to: target)
                case .indent:
                    break
                }
            }
        }
    }

    private enum Side { case left, right, centre }

    /// Sets a one-character atom to exactly `cell` wide. Its glyph is centred, or kept against the
    /// side its ink is on (a full-width mark's ink sits in one half of its square).
    private func centre(_ atom: inout Atom, cell: Double, keepSide: Side = .centre) {
        guard atom.text.count == 1, atom.pieces.count == 1, atom.pieces[0].glyphs.count == 1,
              abs(atom.width - cell) > 0.01 else { return }
        let shift: Double
        switch keepSide {
        case .centre: shift = (cell - atom.width) / 2
        case .left: shift = 0
        case .right: shift = cell - atom.width
        }
        atom.pieces[0].glyphs[0].x = atom.pieces[0].glyphs[0].x + .pt(shift)
        atom.width = cell
    }

    /// Sets an atom to exactly `target` wide: glyphs spaced closer when it is wider, centred when narrower.
    private func fit(_ atom: inout Atom, to target: Double) {
        let natural = atom.width
        guard natural > 0 else { atom.width = target; return }
        if natural > target {
            let k = target / natural
            for p in atom.pieces.indices {
                for g in atom.pieces[p].glyphs.indices {
                    atom.pieces[p].glyphs[g].x = atom.pieces[p].glyphs[g].x * k
                }
            }
        } else {
            let shift = Length.pt((target - natural) / 2)
            for p in atom.pieces.indices {
                for g in atom.pieces[p].glyphs.indices { atom.pieces[p].glyphs[g].x += shift }
            }
        }
        atom.width = target
    }

    /// In grid mode each Han character advances exactly one pitch (the font's em is a little larger
    /// at 三号 in 156 mm / 28: the −0.2 pt tracking of GB/T 9704 practice).
    private func respace(_ atom: inout Atom, pitch: Double) {
        var x = 0.0
        for p in atom.pieces.indices {
            for g in atom.pieces[p].glyphs.indices {
                atom.pieces[p].glyphs[g].x = .pt(x)
                x += pitch
            }
        }
    }

    private func scriptOf(_ c: Character) -> ShapingScript {
        switch CharacterClass(c) {
        case .cjk, .punctuation: .han
        case .latin: .latin
        case .space, .newline: .common
        }
    }

    private func shapeItem(_ slots: ArraySlice<Slot>, font: Font, style: Int, script: ShapingScript, atoms: inout [Atom]) {
        var text = ""
        var byteStarts: [Int] = []
        var offset = 0
        for slot in slots {
            byteStarts.append(offset)
            text.append(slot.character)
            offset += slot.character.utf8.count
        }
        let glyphs = font.shape(text, script: script == .common ? .han : script)
        // Glyphs by the character (slot) their cluster starts at, in shaping order: `order` holds
        // the glyphs' indices slot after slot, slot j's from `first[j]` to `first[j + 1]` (one
        // flat table instead of an array per character).
        var slotOfGlyph = [Int](repeating: 0, count: glyphs.count)
        var first = [Int](repeating: 0, count: slots.count + 1)
        var k = 0
        for (i, g) in glyphs.enumerated() {
            while k + 1 < byteStarts.count && byteStarts[k + 1] <= g.cluster { k += 1 }
            while k > 0 && byteStarts[k] > g.cluster { k -= 1 }
            slotOfGlyph[i] = k
            first[k + 1] += 1
        }
        for j in 0..<slots.count { first[j + 1] += first[j] }
        var order = [Int](repeating: 0, count: glyphs.count)
        var filled = first
        for (i, slot) in slotOfGlyph.enumerated() {
            order[filled[slot]] = i
            filled[slot] += 1
        }
        let size = styles[style].size.points
        let emboldened = chains[style].emboldened && !font.isBold
        var currentAtom = -1
        for (j, slot) in slots.enumerated() {
            let a = slot.atom
            if a != currentAtom {
                currentAtom = a
                atoms[a].pieces.append(Piece(font: font, text: "", glyphs: [], clusters: [], emboldened: emboldened))
            }
            let pieceIndex = atoms[a].pieces.count - 1
            var advance = 0.0
            let x0 = atoms[a].width + atoms[a].spaceAfter
            let mine = first[j]..<first[j + 1]
            for o in mine {
                let g = glyphs[order[o]]
                atoms[a].pieces[pieceIndex].glyphs.append(
                    PlacedGlyph(id: g.id, x: .pt(x0 + advance + g.xOffset * size), y: .pt(-g.yOffset * size)))
                advance += g.advance * size
            }
            let bytes = slot.character.utf8.count
            if mine.isEmpty, !atoms[a].pieces[pieceIndex].clusters.isEmpty {
                atoms[a].pieces[pieceIndex].clusters[atoms[a].pieces[pieceIndex].clusters.count - 1].bytes += bytes
            } else {
                atoms[a].pieces[pieceIndex].clusters.append(GlyphRun.Cluster(bytes: bytes, glyphs: mine.count))
            }
            atoms[a].pieces[pieceIndex].text.append(slot.character)
            if slot.trailing { atoms[a].spaceAfter += advance } else { atoms[a].width += advance }
        }
    }
}
