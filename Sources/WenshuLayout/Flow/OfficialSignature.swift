import WenshuCore
import WenshuText

/// The signature of an official document (GB/T 9704-2012 §7.3.5) set into lines, and its
/// placement. `Composer` finds it room (closing up the blank lines above it rather than leaving it
/// alone on a page, §7.3.5.5) and calls `place`.
struct OfficialSignature: Sendable {
    /// One line per organ, the host first.
    var issuers: [TextLine]
    var date: TextLine
    /// 签发人职务 for a 签名章 (§7.3.5.3).
    var title: TextLine?
    /// Organs set side by side: two, or one when two names would not fit beside each other.
    var perRow = 2
    /// Where the seal images are read from.
    var world: any World = FileWorld()
    /// The 签名章's image header, read once when the signature is prepared: its height decides
    /// the lines the signature takes, asked each time a page is fitted.
    var stamp: ImageInfo?

    /// Two organs' seals stand side by side; their centres at least this far apart (42 mm seals
    /// that neither cross nor touch, §7.3.5.1).
    static let sealPitch = Length.mm(50)
    /// A row of seals takes this many lines, so that the rows do not touch either.
    static let sealRowLines = 5.0
    /// A seal is fitted into this square.
    static let sealSize = Length.mm(42)
    /// The seal's centre, in lines below the top of its organ's name line: 0.2, so the name and
    /// the date both sit below the centre (§7.3.5.1: 居印章中心偏下), the seal's top stays within a
    /// line of the text above (two blank lines, a 42 mm seal reaches 2.06 lines up), and its edge
    /// clears the 附注 on the line under the date (at 0.7 it ran through the note's characters).
    static let sealCentreLine = 0.2

    /// The blank lines between the text and the signature: two under a seal or a 签名章, one
    /// without a seal.
    func blankLines(_ s: SignatureBlock) -> Double { s.layout == .unsealed ? 1 : 2 }

    /// The lines the signature takes under its blank lines.
    func lines(_ s: SignatureBlock, pitch: Length) -> Double {
        switch s.layout {
        case .sealed: return Double(rows.count - 1) * Self.sealRowLines + 2
        case .unsealed: return Double(issuers.count) + 1
        case .signed: return stampLines(s, pitch: pitch) + 2
        }
    }

    /// The organs `perRow` to a row, in order (§7.3.5.1: 印章之间排列整齐).
    var rows: [[Int]] {
        stride(from: 0, to: issuers.count, by: perRow).map { Array($0..<min($0 + perRow, issuers.count)) }
    }

    /// Whether every two organs' names fit side by side in `width`: the right one centred over the
    /// date four characters in, the left one far enough left for the seals and two characters
    /// between the names, and inside the type area.
    func pairsFit(width: Length, cell: Length) -> Bool {
        let centre = width - cell * 4 - date.width / 2
        return stride(from: 0, to: issuers.count - 1, by: 2).allSatisfy { i in
            let l = issuers[i].width, r = issuers[i + 1].width
            let spacing = max(Self.sealPitch, (l + r) / 2 + cell * 2)
            return centre - spacing - l / 2 >= .zero && centre + r / 2 <= width
        }
    }

    private func stampLines(_ s: SignatureBlock, pitch: Length) -> Double {
        guard s.seal != nil, let info = stamp else { return 1 }
        let h = info.fitted(width: .mm(40), height: pitch * 2).height
        return max(1, (h / pitch - 0.001).rounded(.up))
    }

    /// Places the signature with its first line `blank` lines under `top`; returns the cursor
    /// under the date.
    func place(_ s: SignatureBlock, top: Length, blank: Double, on frame: inout Frame, body: Rect, pitch: Length,
               cell: Length, grid: Bool) throws -> Length {
        func put(_ line: TextLine, x: Length, slot: Double) {
            let slotTop = top + pitch * slot
            let baseline = slotTop + (pitch - line.size) / 2 + line.size * 0.88
            for run in line.runs { frame.place(.glyphs(run.run), at: Point(x: x + run.x, y: baseline)) }
        }
        // The column at or left of x (a hair of rounding error does not count as a column).
        func onGrid(_ x: Length) -> Length { grid ? body.minX + cell * ((x - body.minX) / cell + 0.001).rounded(.down) : x }
        func seal(_ path: String, centreX: Length, centreY: Length) throws {
            let info: ImageInfo
            do { info = try ImageInfo.read(path, in: world) } catch { throw LayoutError.image(error.path, error.reason) }
            let size = info.fitted(width: Self.sealSize, height: Self.sealSize)
            frame.place(.image(ImageItem(path: path, blend: .multiply), size: size),
                        at: Point(x: centreX - size.width / 2, y: centreY - size.height / 2), layer: s.sealLayer)
        }

        switch s.layout {
        case .sealed:
            // §7.3.5.1: the date four characters in from the right; the last organ centred over
            // it, the others to its left two to a row; each seal centred on its organ's name and
            // pressing down on it (the name a little below the seal's centre), the last on the
            // name and the date.
            let dateX = body.maxX - cell * 4 - date.width
            let centre = dateX + date.width / 2
            let seals = [s.seal] + s.others.indices.map { $0 < s.otherSeals.count ? s.otherSeals[$0] : nil }
            let rows = self.rows
            let lastRowSlot = blank + Double(rows.count - 1) * Self.sealRowLines
            for (r, row) in rows.enumerated() {
                let slot = blank + Double(r) * Self.sealRowLines
                let widths = row.map { issuers[$0].width }
                let spacing = max(Self.sealPitch, (widths.reduce(.zero, +)) / 2 + cell * 2)
                for (k, i) in row.enumerated() {
                    let c = row.count == 2 && k == 0 ? centre - spacing : centre
                    let line = issuers[i]
                    // A name longer than the room centring leaves it stays inside the type area.
                    var x = min(c - line.width / 2, body.maxX - line.width)
                    x = onGrid(max(body.minX, x))
                    put(line, x: x, slot: slot)
                    // Each seal on its own organ's name (印章一一对应、居中下压发文机关署名); the
                    // last on its name and the date, centred on the date.
                    if let path = seals[i] {
                        let onName = i == issuers.count - 1 ? c : x + line.width / 2
                        try seal(path, centreX: onName, centreY: top + pitch * (slot + Self.sealCentreLine))
                    }
                }
            }
            put(date, x: dateX, slot: lastRowSlot + 1)
            return top + pitch * (lastRowSlot + 2)
        case .unsealed:
            // §7.3.5.2: the names one under the other, two characters in from the right; the
            // date on the next line, its first character two to the right of the name's; a date
            // longer than that leaves room for ends two characters in and moves the names left.
            let widest = issuers.map(\.width).max() ?? .zero
            var nameX = body.maxX - cell * 2 - widest
            var dateX = nameX + cell * 2
            if dateX + date.width > body.maxX - cell * 2 {
                dateX = body.maxX - cell * 2 - date.width
                nameX = dateX - cell * 2
            }
            for (i, line) in issuers.enumerated() { put(line, x: onGrid(nameX), slot: blank + Double(i)) }
            put(date, x: onGrid(dateX), slot: blank + Double(issuers.count))
            return top + pitch * (blank + Double(issuers.count) + 1)
        case .signed:
            // §7.3.5.3: the 签名章 four characters in from the right, the signer's title two
            // characters left of it and centred on it; the date one blank line under it, four
            // characters in. Without the stamp's image the name stands in its place.
            let stamp = stampLines(s, pitch: pitch)
            let stampTop = top + pitch * blank
            var stampLeft: Length
            if let path = s.seal, let info = self.stamp {
                let size = info.fitted(width: .mm(40), height: pitch * 2)
                stampLeft = body.maxX - cell * 4 - size.width
                frame.place(.image(ImageItem(path: path, blend: .multiply), size: size),
                            at: Point(x: stampLeft, y: stampTop + (pitch * stamp - size.height) / 2), layer: s.sealLayer)
            } else {
                let name = issuers[0]
                stampLeft = onGrid(body.maxX - cell * 4 - name.width)
                put(name, x: stampLeft, slot: blank)
            }
            if let title {
                let titleTop = stampTop + (pitch * stamp - pitch) / 2
                let baseline = titleTop + (pitch - title.size) / 2 + title.size * 0.88
                let x = stampLeft - cell * 2 - title.width
                for run in title.runs { frame.place(.glyphs(run.run), at: Point(x: x + run.x, y: baseline)) }
            }
            let dateSlot = blank + stamp + 1
            put(date, x: body.maxX - cell * 4 - date.width, slot: dateSlot)
            return top + pitch * (dateSlot + 1)
        }
    }
}
