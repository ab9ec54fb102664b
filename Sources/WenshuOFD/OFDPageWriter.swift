import WenshuCore

/// Writes one frame as a page's Content.xml: a body layer holding the document's text, rules,
/// boxes and images in painting order, and a foreground layer for page furniture (page numbers,
/// running heads), which the PDF draws as outlines outside the text. Every position is in
/// millimetres from the page's top-left corner; an object's own coordinates (TextCode X and Y,
/// path data) are relative to the top-left corner of its Boundary, as the standard defines.
struct OFDPageWriter {
    let fonts: OFDFonts
    let images: OFDImages

    func content(of frame: Frame, ids: inout OFDIDs) -> OFDXML {
        var body = OFDXML(fragment: true), furniture = OFDXML(fragment: true)
        for element in frame.items {
            let p = element.position
            switch element.item {
            case .glyphs(let run):
                if run.isArtifact { text(run, at: p, ids: &ids, into: &furniture) } else { text(run, at: p, ids: &ids, into: &body) }
            case .line(let to, let stroke):
                line(from: p, to: to, stroke: stroke, ids: &ids, into: &body)
            case .rectangle(let size, let fill, let stroke):
                rectangle(Rect(origin: p, size: size), fill: fill, stroke: stroke, ids: &ids, into: &body)
            case .image(let image, let size):
                guard let resource = images.id(of: image.path) else { continue }
                let box = [p.x.millimetres, p.y.millimetres, size.width.millimetres, size.height.millimetres]
                let ctm = [size.width.millimetres, 0, 0, size.height.millimetres, 0, 0]
                body.element("ImageObject", ["ID": String(ids.next()), "Boundary": OFDNumber.list(box),
                                             "CTM": OFDNumber.list(ctm), "ResourceID": String(resource)])
            case .link, .bookmark:
                break  // bookmarks become the document's outline; links are not carried (yet)
            }
        }
        var xml = OFDXML()
        xml.start("Page")
        xml.start("Area")
        xml.element("PhysicalBox", text: OFDNumber.list([0, 0, frame.size.width.millimetres, frame.size.height.millimetres]))
        xml.end()
        xml.start("Content")
        xml.start("Layer", ["ID": String(ids.next()), "Type": "Body"])
        xml.append(body)
        xml.end()
        if !furniture.isEmpty {
            xml.start("Layer", ["ID": String(ids.next()), "Type": "Foreground"])
            xml.append(furniture)
            xml.end()
        }
        xml.end()
        xml.end()
        return xml
    }

    /// A glyph run as TextObjects, one per segment (see `OFDTextSegment`).
    private func text(_ run: GlyphRun, at origin: Point, ids: inout OFDIDs, into xml: inout OFDXML) {
        guard let font = fonts.id(of: run.face) else { return }
        let size = run.size.millimetres
        for segment in OFDTextSegment.segments(of: run) where !segment.positions.isEmpty {
            // Absolute positions in thousandths of a millimetre: the steps between them add up
            // exactly, so the last character is as precisely placed as the first.
            let xs = segment.positions.map { Int(((origin.x + $0.x).millimetres * 1000).rounded()) }
            let ys = segment.positions.map { Int(((origin.y + $0.y).millimetres * 1000).rounded()) }
            guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() else { continue }
            // The box: from one em above the highest baseline to 0.3 em below the lowest, and one
            // em past the last character's origin.
            let left = Double(minX) / 1000, top = Double(minY) / 1000 - size
            let width = Double(maxX - minX) / 1000 + size, height = Double(maxY - minY) / 1000 + 1.3 * size
            // Synthetic bold as the PDF draws it: the outlines stroked 1/30 em wide over the fill.
            let bold = run.emboldened
            // Condensed type (长体): HScale narrows the glyphs (CT_Text); positions are already
            // condensed on the page.
            let scale = run.horizontalScale > 0 && run.horizontalScale < 0.999 ? run.horizontalScale : 1
            xml.start("TextObject", ["ID": String(ids.next()), "Boundary": OFDNumber.list([left, top, width, height]),
                                     "HScale": scale < 1 ? OFDNumber.format(scale) : nil,
                                     "Font": String(font), "Size": OFDNumber.format(size),
                                     "Stroke": bold ? "true" : nil, "LineWidth": bold ? OFDNumber.format(size / 30) : nil,
                                     "Join": bold ? "Round" : nil])
            xml.element("FillColor", ["Value": OFDNumber.rgb(run.color), "Alpha": OFDNumber.alpha(run.color)])
            if run.emboldened {
                xml.element("StrokeColor", ["Value": OFDNumber.rgb(run.color), "Alpha": OFDNumber.alpha(run.color)])
            }
            let codes = segment.positions.count
            if !segment.glyphs.isEmpty {
                xml.start("CGTransform", ["CodePosition": "0", "CodeCount": String(codes), "GlyphCount": String(segment.glyphs.count)])
                xml.element("Glyphs", text: segment.glyphs.map { String(fonts.glyph($0, of: run.face)) }.joined(separator: " "))
                xml.end()
            }
            let steps = { (v: [Int]) in OFDNumber.list(zip(v.dropFirst(), v).map { Double($0 - $1) / 1000 }) }
            let vertical = ys.contains { $0 != ys[0] }
            xml.element("TextCode", ["X": OFDNumber.format(Double(xs[0]) / 1000 - left),
                                     "Y": OFDNumber.format(Double(ys[0]) / 1000 - top),
                                     "DeltaX": codes > 1 ? steps(xs) : nil,
                                     "DeltaY": vertical ? steps(ys) : nil],
                        text: segment.text)
            xml.end()
        }
    }

    /// A rule as a stroked path. The box reaches a stroke width beyond the ends and sides.
    private func line(from a: Point, to b: Point, stroke: Stroke, ids: inout OFDIDs, into xml: inout OFDXML) {
        let w = stroke.width.millimetres
        let left = min(a.x, b.x).millimetres - w, top = min(a.y, b.y).millimetres - w
        let box = [left, top, abs((b.x - a.x).millimetres) + 2 * w, abs((b.y - a.y).millimetres) + 2 * w]
        let path = "M \(OFDNumber.format(a.x.millimetres - left)) \(OFDNumber.format(a.y.millimetres - top)) "
            + "L \(OFDNumber.format(b.x.millimetres - left)) \(OFDNumber.format(b.y.millimetres - top))"
        xml.start("PathObject", ["ID": String(ids.next()), "Boundary": OFDNumber.list(box), "LineWidth": OFDNumber.format(w)])
        let color: KeyValuePairs<String, String?> = ["Value": OFDNumber.rgb(stroke.color), "Alpha": OFDNumber.alpha(stroke.color)]
        xml.element("StrokeColor", color)
        // Not filled (Fill defaults to false), but some readers (easyofd) colour a path by its
        // FillColor whatever it is: name the same colour, so a red rule stays red there too.
        xml.element("FillColor", color)
        xml.element("AbbreviatedData", text: path)
        xml.end()
    }

    /// A rectangle, filled and/or stroked.
    private func rectangle(_ r: Rect, fill: Color?, stroke: Stroke?, ids: inout OFDIDs, into xml: inout OFDXML) {
        let w = stroke?.width.millimetres ?? 0
        let box = [r.minX.millimetres - w, r.minY.millimetres - w, r.width.millimetres + 2 * w, r.height.millimetres + 2 * w]
        let (x0, y0) = (OFDNumber.format(w), OFDNumber.format(w))
        let (x1, y1) = (OFDNumber.format(w + r.width.millimetres), OFDNumber.format(w + r.height.millimetres))
        let path = "M \(x0) \(y0) L \(x1) \(y0) L \(x1) \(y1) L \(x0) \(y1) C"
        xml.start("PathObject", ["ID": String(ids.next()), "Boundary": OFDNumber.list(box),
                                 "LineWidth": stroke.map { OFDNumber.format($0.width.millimetres) },
                                 "Stroke": stroke == nil ? "false" : nil, "Fill": fill == nil ? nil : "true"])
        // A path names its stroke colour before its fill colour (a text object the other way round).
        if let stroke { xml.element("StrokeColor", ["Value": OFDNumber.rgb(stroke.color), "Alpha": OFDNumber.alpha(stroke.color)]) }
        if let fill { xml.element("FillColor", ["Value": OFDNumber.rgb(fill), "Alpha": OFDNumber.alpha(fill)]) }
        xml.element("AbbreviatedData", text: path)
        xml.end()
    }
}
